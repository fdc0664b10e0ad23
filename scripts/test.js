#!/usr/bin/env node
'use strict';
/**
 * `npm test`: the unit and sandbox suites (jest), then the end-to-end suite in real n8n 2.x, then
 * the same suite in the latest n8n 1.x. Exits non-zero if any fails.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (command, args, env = process.env) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

const jest = require.resolve('jest/bin/jest', { paths: [root] });
let status = run(process.execPath, [jest, '--ci']);
// LUSHA_SKIP_E2E=1 skips the real-n8n suite for a quick local loop; CI never sets it.
if (status === 0 && process.env.LUSHA_SKIP_E2E !== '1') {
	const started = Date.now();
	status = run(process.execPath, [jest, '--ci', '--config', path.join('test', 'e2e', 'jest.config.js'), '--runInBand']);
	process.stdout.write(`[e2e] npm test's end-to-end part on n8n 2.x took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
// The same suite on the latest n8n 1.x (test/e2e/runtime-1x). LUSHA_SKIP_N8N1X=1 skips it locally; CI never sets it.
if (status === 0 && process.env.LUSHA_SKIP_E2E !== '1' && process.env.LUSHA_SKIP_N8N1X !== '1') {
	const started = Date.now();
	status = run(process.execPath, [jest, '--ci', '--config', path.join('test', 'e2e', 'n8n1x.jest.config.js'), '--runInBand']);
	process.stdout.write(`[e2e] npm test's end-to-end part on n8n 1.x took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
process.exit(status);
