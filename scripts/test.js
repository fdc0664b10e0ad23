#!/usr/bin/env node
'use strict';
/**
 * `npm test`: the unit and sandbox suites (jest), then the end-to-end suite in real n8n 2.x, then
 * the same suite in the latest n8n 1.x. Exits non-zero if any fails.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Why tests were skipped, by phase and file, for the line before the closing one. */
const skips = [];
/** Why a file's tests skip on purpose; anything else is reported as "marked skip". */
const SKIP_REASONS = { 'queue.e2e.ts': 'queue mode is tested on n8n 2.x only' };

/**
 * The real-n8n suite needs Debian's chromium (the browser test), postgresql and redis-server (queue mode).
 * Checked before anything runs, so a machine without them stops at once with the command that installs them.
 */
function missingPrerequisites() {
	const chromium = process.env.LUSHA_CHROMIUM ?? '/usr/bin/chromium';
	const onPath = (command) => (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, command)));
	const postgres = fs.existsSync('/usr/lib/postgresql') && fs.readdirSync('/usr/lib/postgresql').some((v) => fs.existsSync(path.join('/usr/lib/postgresql', v, 'bin', 'postgres')));
	return [!fs.existsSync(chromium) && 'chromium', !postgres && 'postgresql', !onPath('redis-server') && 'redis-server'].filter(Boolean);
}
/** Runs one jest phase and adds its counts to the totals printed at the end. */
function jestPhase(args, label = '') {
	const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lusha-jest-')), 'report.json');
	const status = spawnSync(process.execPath, [jest, ...args, '--json', '--outputFile', report], { cwd: root, stdio: 'inherit' }).status ?? 1;
	try {
		const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, testResults } = JSON.parse(fs.readFileSync(report, 'utf8'));
		totals.passed += numPassedTests;
		totals.failed += numFailedTests;
		totals.skipped += numPendingTests + numTodoTests;
		for (const file of testResults ?? []) {
			const count = (file.assertionResults ?? []).filter((a) => a.status === 'pending' || a.status === 'todo' || a.status === 'skipped').length;
			const name = path.basename(file.name);
			if (count) skips.push(`${count} in ${name}${label ? ` on ${label}` : ''} (${SKIP_REASONS[name] ?? 'marked skip in the file'})`);
		}
	} catch {
		totals.failed += 1; // jest wrote no report: count the phase as failed
	}
	fs.rmSync(path.dirname(report), { recursive: true, force: true });
	return status;
}

const e2e = process.env.LUSHA_SKIP_E2E !== '1';
if (e2e) {
	const missing = missingPrerequisites();
	if (missing.length) {
		process.stderr.write(
			`npm test stopped before running anything: the end-to-end suite needs ${missing.join(', ')}, not found on this machine.\n` +
				`Install with (Debian/Ubuntu; .ci/run does the same):\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
				'Or run only the unit and sandbox tests: LUSHA_SKIP_E2E=1 npm test\n',
		);
		process.exit(1);
	}
}

const jest = require.resolve('jest/bin/jest', { paths: [root] });
let status = jestPhase(['--ci']);
// LUSHA_SKIP_E2E=1 skips the real-n8n suite for a quick local loop; CI never sets it.
if (status === 0 && e2e) {
	const started = Date.now();
	status = jestPhase(['--ci', '--config', path.join('test', 'e2e', 'jest.config.js'), '--runInBand'], 'n8n 2.x');
	process.stdout.write(`[e2e] npm test's end-to-end part on n8n 2.x took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
// The same suite on the latest n8n 1.x (test/e2e/runtime-1x). LUSHA_SKIP_N8N1X=1 skips it locally; CI never sets it.
if (status === 0 && e2e && process.env.LUSHA_SKIP_N8N1X !== '1') {
	const started = Date.now();
	status = jestPhase(['--ci', '--config', path.join('test', 'e2e', 'n8n1x.jest.config.js'), '--runInBand'], 'n8n 1.x');
	process.stdout.write(`[e2e] npm test's end-to-end part on n8n 1.x took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
// One plain closing line over every phase, for whoever reads the log's end (and CI); why tests were skipped goes just before it.
if (!e2e) skips.push('the end-to-end suites on n8n 2.x and 1.x: LUSHA_SKIP_E2E=1');
else if (process.env.LUSHA_SKIP_N8N1X === '1') skips.push('the end-to-end suite on n8n 1.x: LUSHA_SKIP_N8N1X=1');
if (skips.length) process.stdout.write(`Skipped: ${skips.join('; ')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(status === 0 && totals.failed > 0 ? 1 : status);
