'use strict';
/**
 * n8n in queue mode on this machine, for the end-to-end suite: a throw-away Postgres and Redis in a
 * temporary folder, on free loopback ports, then n8n's main process, webhook processes and a
 * worker, all with this package installed, one encryption key, and WEBHOOK_URL pointing at main
 * (where Lusha's challenge goes). The servers come from Debian's postgresql and redis-server
 * packages, which .ci/run installs. `stop()` ends everything it started and removes the folder.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { startN8n } = require('./n8n');
const { freePort } = require('../../test/helpers/freePort');

const ENCRYPTION_KEY = 'lusha-queue-e2e-encryption-key';


const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(probe, what, timeoutMs = 60_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await probe().catch(() => false)) return;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(200);
	}
}

/** Debian installs Postgres under /usr/lib/postgresql/<version>/bin, off the PATH; the newest wins. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	if (!versions.length) throw new Error('Postgres is not installed: apt-get install postgresql (see .ci/run)');
	return path.join(root, versions[0], 'bin');
}

/** Postgres refuses to run as root: as root, run it as Debian's `postgres` user. */
function asPostgres(command, args) {
	return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function logTail(lines) {
	return lines.join('').slice(-3000);
}

/** A child process that keeps its output for error messages and is stopped with SIGTERM, then SIGKILL. */
function supervise(command, args, options) {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
	const output = [];
	child.stdout.on('data', (chunk) => output.push(chunk.toString()));
	child.stderr.on('data', (chunk) => output.push(chunk.toString()));
	return {
		child,
		logs: () => logTail(output),
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				child.once('exit', () => {
					clearTimeout(timer);
					resolve(undefined);
				});
				child.kill('SIGTERM');
			}),
	};
}

async function startPostgres(dir) {
	const bin = postgresBin();
	const port = await freePort();
	const data = path.join(dir, 'postgres');
	fs.mkdirSync(data, { recursive: true, mode: 0o700 });
	if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
	const [initdb, initArgs] = asPostgres(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
	execFileSync(initdb, initArgs, { stdio: 'ignore' });
	// Durability off: this database lives for one test run.
	const [postgres, args] = asPostgres(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']);
	const server = supervise(postgres, args);
	await until(async () => {
		execFileSync(path.join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'], { stdio: 'ignore' });
		return true;
	}, `Postgres on port ${port}:\n${server.logs()}`);
	execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'], { stdio: 'ignore' });
	return { port, stop: server.stop };
}

function redisPing(port) {
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('error', reject);
		socket.once('data', (data) => {
			socket.destroy();
			resolve(data.toString().startsWith('+PONG'));
		});
		socket.write('PING\r\n');
	});
}

async function startRedis(dir) {
	const port = await freePort();
	const server = supervise('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]);
	server.child.once('error', () => undefined);
	await until(() => redisPing(port), `Redis on port ${port} (apt-get install redis-server, see .ci/run)`);
	return { port, stop: server.stop };
}

/**
 * Starts Postgres, Redis and n8n in queue mode: one main process, `webhookProcesses` webhook
 * processes and one worker running `workerConcurrency` executions at once. `userFolder` must hold
 * the installed package (.n8n/nodes).
 */
async function startQueueMode({ userFolder, webhookProcesses = 2, workerConcurrency = 10, env = {} }) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lusha-queue-'));
	/** Postgres and Redis, then every n8n process started (restarts included). */
	const servers = [];
	const started = [];
	const stopAll = async () => {
		await Promise.all(started.map((handle) => handle.stop().catch(() => undefined)));
		for (const server of servers.reverse()) await server.stop().catch(() => undefined);
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		const postgres = await startPostgres(dir);
		servers.push(postgres);
		const redis = await startRedis(dir);
		servers.push(redis);
		const mainPort = await freePort();
		const mainUrl = `http://127.0.0.1:${mainPort}`;
		const shared = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			WEBHOOK_URL: `${mainUrl}/`,
			N8N_EDITOR_BASE_URL: `${mainUrl}/`,
			// Manual runs stay on main; every production run goes to the worker.
			OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'false',
			N8N_LOG_LEVEL: 'warn',
			...env,
		};
		const startProcess = async (command, port, extra = {}) => {
			const handle = await startN8n({ userFolder, port, brokerPort: await freePort(), command, env: { ...shared, ...extra } });
			started.push(handle);
			return handle;
		};
		const main = await startProcess('start', mainPort);
		const startWebhook = async (port) => startProcess('webhook', port ?? (await freePort()));
		const [webhooks, worker] = await Promise.all([
			Promise.all(Array.from({ length: webhookProcesses }, () => startWebhook())),
			(async () => {
				const port = await freePort();
				const handle = await startN8n({
					userFolder,
					port,
					brokerPort: await freePort(),
					command: 'worker',
					env: { ...shared, QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1', N8N_CONCURRENCY_PRODUCTION_LIMIT: String(workerConcurrency) },
				});
				started.push(handle);
				return handle;
			})(),
		]);
		return {
			dir,
			postgres,
			redis,
			main,
			webhooks,
			worker,
			/** Stops webhook process `index` and starts it again on the same port. */
			async restartWebhook(index) {
				const port = Number(new URL(webhooks[index].url).port);
				await webhooks[index].stop();
				webhooks[index] = await startWebhook(port);
				return webhooks[index];
			},
			/** Stops webhook process `index` now; `startWebhookAgain(index)` brings it back on its port. */
			async stopWebhook(index) {
				await webhooks[index].stop();
			},
			async startWebhookAgain(index) {
				webhooks[index] = await startWebhook(Number(new URL(webhooks[index].url).port));
				return webhooks[index];
			},
			/** Stops the n8n processes, keeping Postgres and Redis (and so the workflows) for a next n8n. */
			async stopN8n() {
				await Promise.all(started.map((handle) => handle.stop()));
			},
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

module.exports = { startQueueMode, startPostgres, startRedis, ENCRYPTION_KEY, freePort };
