#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the whole product on this machine with no Lusha account. Installs Node 24 and n8n
 * into .cache/ on first use, builds and installs this package into a local n8n user folder, starts
 * the Lusha sandbox and n8n on localhost (SQLite), and pre-loads a sandbox credential and the
 * example workflows. Ctrl-C stops everything it started.
 */
const fs = require('node:fs');
const path = require('node:path');

const { packPackage, installPackage, startN8n, bootstrapOwner, OWNER } = require('./lib/n8n');
const { root, ensureN8n, log } = require('./lib/runtime');
const { startSandboxProcess } = require('../test/sandbox/process');

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.LUSHA_SANDBOX_PORT ?? 4010);
const userFolder = path.join(root, '.cache', 'start-user');

async function preload(url, cookie, apiKey, sandbox) {
	const headers = { 'X-N8N-API-KEY': apiKey, 'content-type': 'application/json' };
	const existing = await (await fetch(`${url}/rest/credentials`, { headers: { cookie } })).json();
	let credential = (existing.data ?? []).find((c) => c.name === 'Lusha sandbox');
	if (!credential) {
		const created = await fetch(`${url}/api/v1/credentials`, {
			method: 'POST',
			headers,
			body: JSON.stringify({ name: 'Lusha sandbox', type: 'lushaApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url, webhookSecret: '' } }),
		});
		credential = await created.json();
	}
	const workflows = await (await fetch(`${url}/api/v1/workflows?limit=250`, { headers })).json();
	const names = new Set((workflows.data ?? []).map((w) => w.name));
	const examplesDir = path.join(root, 'examples');
	for (const file of fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
		const workflow = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
		if (names.has(workflow.name)) continue;
		for (const node of workflow.nodes) {
			if (node.type.startsWith('n8n-nodes-lusha-api.')) node.credentials = { lushaApi: { id: credential.id, name: 'Lusha sandbox' } };
		}
		await fetch(`${url}/api/v1/workflows`, { method: 'POST', headers, body: JSON.stringify(workflow) });
	}
}

async function main() {
	const started = Date.now();
	ensureN8n();
	log('building and installing the package into the local n8n');
	installPackage(userFolder, packPackage());
	const sandbox = await startSandboxProcess({ port: SANDBOX_PORT });
	const n8n = await startN8n({ userFolder, port: N8N_PORT, brokerPort: N8N_PORT + 2, quiet: true });
	const stop = async () => {
		process.stdout.write('\nStopping n8n and the Lusha sandbox…\n');
		await Promise.all([n8n.stop(), sandbox.stop()]);
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	const { cookie, apiKey } = await bootstrapOwner(n8n.url);
	await preload(n8n.url, cookie, apiKey, sandbox);
	process.stdout.write(
		[
			'',
			`Ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
			'',
			`  n8n editor:      ${n8n.url}`,
			`  log in as:       ${OWNER.email} / ${OWNER.password}`,
			`  Lusha sandbox:   ${sandbox.url}  (API key ${sandbox.apiKey}; no account, no credits)`,
			'',
			'What to click:',
			'  1. Open "Lusha: weekly bulk enrichment of a lead list", or add a Lusha node to a new workflow.',
			'     The "Lusha sandbox" credential is already selected. Try Person → Enrich with ava.adler0@acmelabs.example.',
			'  2. Open "Lusha: promotion → update the CRM and notify the owner" and click "Listen for test event"',
			'     on the Lusha Trigger: it subscribes to the sandbox, which you can then make deliver a signal:',
			`     curl -X POST ${sandbox.url}/__admin/deliver -H 'content-type: application/json' -d '{"subscriptionId":"<id from GET ${sandbox.url}/__admin/state>"}'`,
			'',
			'Ctrl-C stops everything.',
			'',
		].join('\n'),
	);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
