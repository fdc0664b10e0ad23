'use strict';
// Boots the stack once for the suite: the sandbox process, then n8n with the freshly packed package.
const fs = require('node:fs');
const path = require('node:path');

const { packPackage, installPackage, startN8n, bootstrapOwner } = require('../../scripts/lib/n8n');
const { ensureN8n, n8nVersion } = require('../../scripts/lib/runtime');
const { startSandboxProcess } = require('../sandbox/process');
const { freePort } = require('../helpers/freePort');

const root = path.resolve(__dirname, '..', '..');
// Each run gets its own folder, so two suites (two developers' checkouts, or a retry) never share n8n's user folder.
const runDir = path.join(root, '.cache', 'e2e-runs', String(process.pid));
const stateFile = path.join(runDir, 'state.json');
const SECRET = 'whsec_e2e_fixed_secret_for_the_suite';


module.exports = async function globalSetup(_globalConfig, projectConfig) {
	const started = Date.now();
	// Which n8n: '2x' by default, '1x' from test/e2e/n8n1x.jest.config.js.
	const runtime = projectConfig?.globals?.lushaN8nRuntime ?? '2x';
	ensureN8n(runtime);
	const userFolder = path.join(runDir, 'user');
	fs.rmSync(runDir, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	process.env.LUSHA_E2E_STATE = stateFile;
	installPackage(userFolder, packPackage(path.join(runDir, 'pack')), runtime);
	const sandbox = await startSandboxProcess({ secret: SECRET, config: { deliveryRetryDelaysMs: [100, 200, 400] } });
	let n8n;
	try {
		n8n = await startN8n({ userFolder, port: await freePort(), brokerPort: await freePort(), runtime });
	} catch (error) {
		await sandbox.stop();
		throw error;
	}
	const { cookie, apiKey } = await bootstrapOwner(n8n.url);
	globalThis.__LUSHA_E2E__ = { sandbox, n8n, started };
	fs.writeFileSync(stateFile, JSON.stringify({ n8nUrl: n8n.url, cookie, apiKey, sandboxUrl: sandbox.url, sandboxApiKey: sandbox.apiKey, secret: SECRET, n8nPid: n8n.process.pid, n8nVersion: n8nVersion(runtime) }));
	process.stdout.write(`\n[e2e] n8n ${n8nVersion(runtime)} ready at ${n8n.url} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
};
