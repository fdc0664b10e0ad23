// @ts-check
'use strict';
/**
 * The sandbox in its own process, driven through its admin API: for the benchmark (so its CPU is
 * not counted against the node, as Lusha's would not be), the end-to-end suite and `npm start`.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

/**
 * @param {{ port?: number, config?: object, secret?: string, apiKey?: string, nodePath?: string, inherit?: boolean }} [options]
 */
function startSandboxProcess(options = {}) {
	const child = spawn(options.nodePath ?? process.execPath, [path.join(__dirname, 'cli.js')], {
		env: {
			...process.env,
			LUSHA_SANDBOX_PORT: String(options.port ?? 0),
			...(options.config ? { LUSHA_SANDBOX_CONFIG: JSON.stringify(options.config) } : {}),
			...(options.secret ? { LUSHA_SANDBOX_SECRET: options.secret } : {}),
			...(options.apiKey ? { LUSHA_SANDBOX_API_KEY: options.apiKey } : {}),
		},
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(() => reject(new Error(`sandbox did not start: ${output}`)), 15_000);
		child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)));
		child.stdout.on('data', (chunk) => {
			output += chunk;
			if (options.inherit) process.stdout.write(chunk);
			const url = /Base URL: (\S+)/.exec(output)?.[1];
			const apiKey = /API key:\s+(\S+)/.exec(output)?.[1];
			if (!url || !apiKey || !output.includes('Webhook secret')) return;
			clearTimeout(timer);
			child.removeAllListeners('exit');
			const admin = async (method, action, body) => {
				const response = await fetch(`${url}/__admin/${action}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
				return await response.json();
			};
			resolve({
				url,
				apiKey,
				process: child,
				counts: () => admin('GET', 'counts'),
				requests: () => admin('GET', 'requests'),
				state: () => admin('GET', 'state'),
				configure: (patch) => admin('POST', 'config', patch),
				reset: () => admin('POST', 'reset', {}),
				deliver: (subscriptionId, payload, tamper) => admin('POST', 'deliver', { subscriptionId, payload, tamper }),
				stop: () =>
					new Promise((done) => {
						if (child.exitCode !== null) return done(undefined);
						child.once('exit', () => done(undefined));
						child.kill('SIGTERM');
					}),
			});
		});
	});
}

module.exports = { startSandboxProcess };
