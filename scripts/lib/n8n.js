'use strict';
/**
 * Real n8n with this package installed the way users install it: built, packed with `npm pack`,
 * and installed into <user folder>/.n8n/nodes. Used by `npm start` and the end-to-end suite.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { root, cache, ensureN8n, nodeBinary, nodeEnv, log } = require('./runtime');

/** Builds and packs the package; returns the tarball path. */
function packPackage(destination = path.join(cache, 'pack')) {
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	fs.rmSync(destination, { recursive: true, force: true });
	fs.mkdirSync(destination, { recursive: true });
	execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	return path.join(destination, fs.readdirSync(destination).find((f) => f.endsWith('.tgz')));
}

/** Installs the packed package into the user folder's community-nodes directory, as n8n's own installer does. */
function installPackage(userFolder, tarball, runtime = '2x') {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	const manifest = path.join(nodesDir, 'package.json');
	if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	execFileSync('npm', ['install', tarball, '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
		env: nodeEnv(runtime),
		stdio: ['ignore', 'ignore', 'inherit'],
	});
}

/**
 * Starts n8n on loopback with SQLite. Resolves once /healthz answers; `logs()` returns what it printed.
 * `runtime` picks the pinned n8n (see runtime.js): '2x' (default) or '1x'.
 */
async function startN8n({ userFolder, port, brokerPort, env = {}, quiet = true, runtime = '2x', command = 'start' }) {
	const main = ensureN8n(runtime);
	const url = `http://127.0.0.1:${port}`;
	const output = [];
	// `command`: 'start' (the main process), or in queue mode 'webhook' or 'worker' (whose health server listens on `port`).
	const child = spawn(nodeBinary(runtime), [main, command], {
		cwd: userFolder,
		env: nodeEnv(runtime, {
			// Jest sets NODE_ENV=test, under which n8n exits silently at start.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: userFolder,
			DB_TYPE: 'sqlite',
			N8N_ENCRYPTION_KEY: 'lusha-e2e-fixed-encryption-key',
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			WEBHOOK_URL: `${url}/`,
			N8N_EDITOR_BASE_URL: `${url}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_LOG_LEVEL: 'info',
			...env,
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const closed = new Promise((resolve) => child.once('close', resolve));
	const collect = (chunk) => {
		output.push(chunk.toString());
		if (!quiet) process.stdout.write(chunk);
	};
	child.stdout.on('data', collect);
	child.stderr.on('data', collect);
	const handle = {
		url,
		process: child,
		logs: () => output.join(''),
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
				const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
				child.once('exit', () => {
					clearTimeout(timer);
					resolve(undefined);
				});
				child.kill('SIGTERM');
			}),
	};
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			await closed;
			throw new Error(`n8n exited with ${child.exitCode}:\n${handle.logs().slice(-4000)}`);
		}
		try {
			// n8n 1.x answers readiness before its REST routes exist: wait for both.
			const ready = (await fetch(`${url}/healthz/readiness`)).ok && (command !== 'start' || (await fetch(`${url}/rest/settings`)).ok);
			if (ready) return handle;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await handle.stop();
	throw new Error(`n8n did not become ready in 3 minutes:\n${handle.logs().slice(-4000)}`);
}

const OWNER = { email: 'owner@lusha-n8n.local', firstName: 'Lusha', lastName: 'Demo', password: 'Lusha-Demo-2026!' };

/** Sets up the owner (first run), logs in, and returns the session cookie and a public-API key. */
async function bootstrapOwner(url) {
	const json = { 'content-type': 'application/json' };
	await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: json, body: JSON.stringify(OWNER) });
	const login = await fetch(`${url}/rest/login`, { method: 'POST', headers: json, body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }) });
	if (!login.ok) throw new Error(`n8n login failed: ${login.status} ${await login.text()}`);
	const cookie = (login.headers.getSetCookie?.() ?? [login.headers.get('set-cookie')]).map((c) => String(c).split(';')[0]).join('; ');
	const scopes = ['workflow:create', 'workflow:read', 'workflow:update', 'workflow:delete', 'workflow:list', 'workflow:activate', 'workflow:deactivate', 'credential:create', 'credential:delete', 'execution:read', 'execution:list'];
	const created = await fetch(`${url}/rest/api-keys`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ label: `lusha-${Date.now()}`, expiresAt: null, scopes }) });
	if (!created.ok) throw new Error(`n8n API key creation failed: ${created.status} ${await created.text()}`);
	const apiKey = (await created.json()).data.rawApiKey;
	return { cookie, apiKey, owner: OWNER };
}

module.exports = { packPackage, installPackage, startN8n, bootstrapOwner, log, OWNER };
