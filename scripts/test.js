#!/usr/bin/env node
'use strict';
/**
 * `npm test`: the unit and sandbox suites (jest), then the end-to-end suite in real n8n when it
 * exists. Exits non-zero if either fails.
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
	process.stdout.write(`[e2e] npm test's end-to-end part took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
process.exit(status);
