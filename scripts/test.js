#!/usr/bin/env node
'use strict';
/**
 * `npm test`: the unit and sandbox suites (jest), then the end-to-end suite in real n8n when it
 * exists. Exits non-zero if either fails.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
const run = (command, args, env = process.env) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;

let status = run(process.execPath, [require.resolve('jest/bin/jest', { paths: [root] }), '--ci']);
const e2e = path.join(root, 'test', 'e2e', 'run.js');
if (status === 0 && fs.existsSync(e2e) && process.env.LUSHA_SKIP_E2E !== '1') status = run(process.execPath, [e2e]);
process.exit(status);
