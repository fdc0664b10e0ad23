#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the whole product on this machine with no Lusha account. Installs Node 24 and n8n
 * into .cache/ on first use, builds and installs this package into a local n8n user folder, starts
 * the Lusha sandbox and n8n on localhost (SQLite), and pre-loads a sandbox credential and the
 * example workflows. The sandbox serves a control page that sends signals. Ctrl-C stops everything
 * it started. LUSHA_N8N_RUNTIME=1x runs the latest n8n 1.x instead of 2.x.
 */
const fs = require('node:fs');
const path = require('node:path');

const { packPackage, installPackage, startN8n, bootstrapOwner, OWNER } = require('./lib/n8n');
const { root, ensureN8n, n8nVersion, log } = require('./lib/runtime');
const { startSandboxProcess } = require('../test/sandbox/process');

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.LUSHA_SANDBOX_PORT ?? 4010);
const RUNTIME = process.env.LUSHA_N8N_RUNTIME ?? '2x';
const userFolder = path.join(root, '.cache', RUNTIME === '2x' ? 'start-user' : `start-user-${RUNTIME}`);
/** The placeholder URL of the Unstuck example; locally it points at the sandbox's Unstuck double. */
const UNSTUCK_EXAMPLE_URL = 'https://api.unstuck.example';
// n8n adds this field to credentials that authenticate; n8n 1.x's public API requires it.
const DOMAIN_FIELDS = { allowedHttpRequestDomains: 'all' };

/** The Lusha Table and user the Monday account-scoring example writes to on the sandbox (the sandbox knows this user). */
const SANDBOX_TABLE = { name: 'SDR hot accounts', ownerEmail: 'owner@example.com' };
/** The example's placeholders for the table, replaced in the preloaded copy. */
const TABLE_EXAMPLE_OWNER = 'you@yourcompany.com';

/** A sandbox Lusha Table for the account-scoring example; a fresh sandbox gives it the same ID every time. */
async function sandboxTable(sandbox) {
	const response = await fetch(`${sandbox.url}/v3/contacts/tables`, {
		method: 'POST',
		headers: { api_key: sandbox.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ name: SANDBOX_TABLE.name, owner: { email: SANDBOX_TABLE.ownerEmail } }),
	});
	const body = await response.json();
	if (response.status === 409) {
		// Already there (a sandbox that outlived an earlier preload): use it.
		const listed = await fetch(`${sandbox.url}/v3/contacts/tables/list`, {
			method: 'POST',
			headers: { api_key: sandbox.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ owner: { email: SANDBOX_TABLE.ownerEmail }, name: SANDBOX_TABLE.name }),
		});
		const tables = (await listed.json()).data ?? [];
		const found = tables.find((t) => t.name === SANDBOX_TABLE.name);
		if (found) return found.tableId;
	}
	if (!response.ok) throw new Error(`sandbox table: ${response.status} ${JSON.stringify(body)}`);
	return body.data.tableId;
}

/** n8n's own nodes that need no account; any other node without a credential cannot run locally. */
const NEEDS_NO_ACCOUNT = new Set(['stickyNote', 'set', 'if', 'switch', 'filter', 'merge', 'code', 'noOp', 'splitOut', 'aggregate', 'scheduleTrigger', 'manualTrigger'].map((name) => `n8n-nodes-base.${name}`));

/** Rows a lead sheet would hold: five sandbox people, and one Lusha does not know. */
async function sandboxLeadRows(sandbox) {
	const { people } = await (await fetch(`${sandbox.url}/__admin/state`)).json();
	return [
		...people.slice(0, 5).map((p) => ({ Email: p.email, 'First Name': p.fullName.split(' ')[0], 'Last Name': p.fullName.split(' ').slice(1).join(' ') })),
		{ Email: 'nobody@unknown-company.example', 'First Name': 'No', 'Last Name': 'Body' },
	];
}

/** Examples an earlier `npm start` loaded without pinData (NULL in n8n 2.x) get `{}`, as a save in the editor would give them. */
async function repairPinData(url, cookie, workflows) {
	const examples = new Set(fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(root, 'examples', f), 'utf8')).name));
	for (const { id, name } of workflows.filter((w) => examples.has(w.name))) {
		const { data } = await (await fetch(`${url}/rest/workflows/${id}`, { headers: { cookie } })).json();
		if (!data || data.pinData) continue;
		const patched = await fetch(`${url}/rest/workflows/${id}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ pinData: {}, versionId: data.versionId }) });
		if (!patched.ok) log(`could not give "${name}" its pinData (${patched.status}); save it once in the editor`);
	}
}

/**
 * The example workflows as `npm start` loads them: Lusha nodes on the sandbox credential, Unstuck on the
 * sandbox's double, the account-scoring table on a sandbox table, and the lead sheet pinned to sandbox rows.
 * Every workflow gets `pinData` (n8n 2.x stores NULL without it, and then "Execute step" after a test
 * event fails reading it). Also used by the browser test, so it checks exactly what `npm start` loads.
 */
async function preload(url, cookie, apiKey, sandbox) {
	const headers = { 'X-N8N-API-KEY': apiKey, 'content-type': 'application/json' };
	const existing = await (await fetch(`${url}/rest/credentials`, { headers: { cookie } })).json();
	const credentialNamed = async (name, type, data) => {
		const found = (existing.data ?? []).find((c) => c.name === name);
		if (found) return found;
		const created = await fetch(`${url}/api/v1/credentials`, { method: 'POST', headers, body: JSON.stringify({ name, type, data }) });
		return await created.json();
	};
	const credential = await credentialNamed('Lusha sandbox', 'lushaApi', { apiKey: sandbox.apiKey, baseUrl: sandbox.url, webhookSecret: '', ...DOMAIN_FIELDS });
	const unstuckKey = (await (await fetch(`${sandbox.url}/__admin/unstuck`)).json()).apiKey;
	const unstuck = await credentialNamed('Unstuck (sandbox double)', 'httpHeaderAuth', { name: 'Authorization', value: `Bearer ${unstuckKey}` });
	const workflows = await (await fetch(`${url}/api/v1/workflows?limit=250`, { headers })).json();
	const names = new Set((workflows.data ?? []).map((w) => w.name));
	await repairPinData(url, cookie, workflows.data ?? []);
	const examplesDir = path.join(root, 'examples');
	// n8n 1.x refuses Execute step on any node ("Please resolve outstanding issues") while a node of the
	// workflow lacks its credential, and then shows no output: there, such nodes are loaded deactivated.
	const settings = await (await fetch(`${url}/rest/settings`, { headers: { cookie } })).json();
	const deactivateUnconfigured = String(settings.data?.versionCli ?? '').startsWith('1.');
	const created = [];
	for (const file of fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
		const workflow = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
		if (names.has(workflow.name)) continue;
		const pinData = {};
		for (const node of workflow.nodes) {
			if (node.type.startsWith('n8n-nodes-lusha-api.')) node.credentials = { lushaApi: { id: credential.id, name: 'Lusha sandbox' } };
			if (node.type === 'n8n-nodes-base.httpRequest' && String(node.parameters.url).startsWith(UNSTUCK_EXAMPLE_URL)) {
				node.parameters.url = node.parameters.url.replace(UNSTUCK_EXAMPLE_URL, `${sandbox.url}/unstuck`);
				node.credentials = { httpHeaderAuth: { id: unstuck.id, name: 'Unstuck (sandbox double)' } };
			}
			if (node.type === 'n8n-nodes-lusha-api.lusha' && node.parameters.resource === 'table' && node.parameters.ownerEmail === TABLE_EXAMPLE_OWNER) {
				node.parameters.ownerEmail = SANDBOX_TABLE.ownerEmail;
				node.parameters.tableId = { __rl: true, mode: 'id', value: await sandboxTable(sandbox) };
			}
			if (node.type === 'n8n-nodes-base.googleSheets' && node.parameters.operation === 'read') {
				pinData[node.name] = (await sandboxLeadRows(sandbox)).map((json) => ({ json }));
			}
		}
		// The editor's own route, as an import saves: n8n 1.x's public API refuses `pinData`.
		if (deactivateUnconfigured) {
			for (const node of workflow.nodes) {
				if (!node.type.startsWith('n8n-nodes-lusha-api.') && !NEEDS_NO_ACCOUNT.has(node.type) && !node.credentials && !pinData[node.name]) node.disabled = true;
			}
		}
		const response = await fetch(`${url}/rest/workflows`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ ...workflow, active: false, pinData }) });
		const body = await response.json();
		if (!response.ok) throw new Error(`n8n refused the example ${file}: ${response.status} ${JSON.stringify(body)}`);
		created.push({ file, id: body.data.id, name: workflow.name });
	}
	return created;
}

async function main() {
	const started = Date.now();
	ensureN8n(RUNTIME);
	log(`building and installing the package into the local n8n ${n8nVersion(RUNTIME)}`);
	installPackage(userFolder, packPackage(), RUNTIME);
	const sandbox = await startSandboxProcess({ port: SANDBOX_PORT });
	const n8n = await startN8n({ userFolder, port: N8N_PORT, brokerPort: N8N_PORT + 2, quiet: true, runtime: RUNTIME });
	// n8n's own log goes to a file, so this terminal keeps the summary below.
	const logFile = path.join(userFolder, 'n8n.log');
	fs.writeFileSync(logFile, n8n.logs());
	const logStream = fs.createWriteStream(logFile, { flags: 'a' });
	n8n.process.stdout.on('data', (chunk) => logStream.write(chunk));
	n8n.process.stderr.on('data', (chunk) => logStream.write(chunk));
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
			`Ready in ${((Date.now() - started) / 1000).toFixed(0)} s (n8n ${n8nVersion(RUNTIME)}).`,
			'',
			`  n8n editor:      ${n8n.url}`,
			`  log in as:       ${OWNER.email} / ${OWNER.password}`,
			`  sandbox page:    ${sandbox.url}/   (send signals; see deliveries, API calls and credits)`,
			`  Lusha sandbox:   ${sandbox.url}  (API key ${sandbox.apiKey}; no account, no credits)`,
			'',
			`  n8n's log:       ${path.relative(process.cwd(), logFile)}   (N8N_PORT and LUSHA_SANDBOX_PORT change the ports)`,
			'',
			'First signal in 3 minutes (README: "First signal in 3 minutes"):',
			'  1. Log in (n8n 2.x first shows its Assistant page: click "Set up later in Settings").',
			'  2. Open "Lusha: promotion → update the CRM and notify the owner".',
			'  3. Double-click "Champion promoted" (the Lusha Trigger) and click "Execute step":',
			'     n8n listens for a test event, and the trigger subscribes to the sandbox.',
			`  4. On the sandbox page, ${sandbox.url}/ , click "Send signal" on the "contact 1000000" row`,
			'     (or run: npm run signal -- --type promotion). The page shows n8n\'s answer, HTTP 201,',
			'     and the trigger\'s output shows the signal.',
			'  5. Close the trigger, double-click "Find the champion in Lusha" and click "Execute step". No new',
			'     signal: n8n reruns the trigger\'s step-4 signal through the Lusha node, which shows the champion\'s email.',
			`  The other examples: one line each in the README ("Example workflows"). Account scoring writes to the sandbox`,
			`  table "${SANDBOX_TABLE.name}" as ${SANDBOX_TABLE.ownerEmail}; the lead sheet of the bulk enrichment is pinned to sandbox rows.`,
			'',
			'Ctrl-C stops everything.',
			'',
		].join('\n'),
	);
}

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	});
}

module.exports = { preload, SANDBOX_TABLE };
