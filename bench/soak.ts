/**
 * `npm run bench -- soak`: the Lusha Trigger under a sustained load in real n8n, beside n8n's own
 * Webhook node taking the same load in the same n8n: N signed deliveries of ordinary size at a set
 * pace, 10 at a time, each starting a workflow that waits 20 s. First on SQLite (one n8n process),
 * then in queue mode with Postgres (main, one worker). Deliveries go to n8n main, whose memory is
 * sampled every 1,000. An unacknowledged delivery is sent again as Lusha would (up to 5 times).
 *
 * LUSHA_SOAK_DELIVERIES (default 10,000) and LUSHA_SOAK_PER_MINUTE (default 1,000) size it;
 * LUSHA_SOAK_TARGETS=sqlite or queue runs one target.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sleep } from 'n8n-workflow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { packPackage, installPackage, startN8n, bootstrapOwner } = require('../scripts/lib/n8n');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startQueueMode } = require('../scripts/lib/queue');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../test/helpers/freePort');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandboxProcess } = require('../test/sandbox/process');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { signDelivery } = require('../test/sandbox/webhookRoutes');

const TOTAL = Number(process.env.LUSHA_SOAK_DELIVERIES ?? 10_000);
const PER_MINUTE = Number(process.env.LUSHA_SOAK_PER_MINUTE ?? 1_000);
const CONCURRENCY = 10;
const RETRIES = 5;
const SECRET = 'whsec_soak_bench_secret_0001';
const LOCK_TIMEOUT = /SqliteWriteConnectionMutex|LockAcquireTimeout/g;

interface N8nProcess {
	url: string;
	process: { pid: number };
	logs(): string;
	stop(): Promise<void>;
}
interface Target {
	name: string;
	main: N8nProcess;
	all: N8nProcess[];
	stop(): Promise<void>;
}
interface Phase {
	ackMs: number[];
	acknowledged: Set<string>;
	refusals: number;
	neverAcknowledged: number;
	rssMB: number[];
	lockTimeouts: number;
	notRun: number;
	duplicateRuns: number;
	seconds: number;
}

const rssMB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.max(0, Math.ceil(values.length * p) - 1)] ?? NaN;
const lockTimeouts = (target: Target) => target.all.reduce((sum, n8n) => sum + (n8n.logs().match(LOCK_TIMEOUT)?.length ?? 0), 0);

function client(url: string, apiKey: string) {
	return async (method: string, route: string, body?: unknown) => {
		const response = await fetch(`${url}/api/v1${route}`, { method, headers: { 'X-N8N-API-KEY': apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : undefined;
	};
}
type Api = ReturnType<typeof client>;

const waitTwentySeconds = { id: 'w', name: 'Take 20 seconds', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [220, 0], webhookId: randomUUID(), parameters: { amount: 20, unit: 'seconds' } };
function workflow(name: string, start: Record<string, unknown>) {
	return { name, settings: {}, nodes: [start, waitTwentySeconds], connections: { [start.name as string]: { main: [[{ node: waitTwentySeconds.name, type: 'main', index: 0 }]] } } };
}

/** The two workflows under load, active: the Lusha Trigger's and the Webhook node's, each with a 20 s wait downstream. */
async function setUp(api: Api, sandbox: { url: string; apiKey: string }) {
	const credential = await api('POST', '/credentials', { name: 'Lusha sandbox (soak)', type: 'lushaApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url, webhookSecret: SECRET, allowedHttpRequestDomains: 'all' } });
	const hookId = randomUUID();
	const ours = await api('POST', '/workflows', workflow('Soak: Lusha Trigger', { id: 't', name: 'Lusha Trigger', type: 'n8n-nodes-lusha-api.lushaTrigger', typeVersion: 1, position: [0, 0], webhookId: hookId, parameters: { entityType: 'contact', entityIds: '1000000', signalTypes: ['allSignals'], subscriptionName: 'Soak', options: {} }, credentials: { lushaApi: { id: credential.id, name: 'Lusha sandbox (soak)' } } }));
	const path = randomUUID();
	const theirs = await api('POST', '/workflows', workflow('Soak: n8n Webhook node', { id: 'h', name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } }));
	for (const id of [ours.id, theirs.id]) await api('POST', `/workflows/${id}/activate`);
	return { ours: { id: ours.id as string, path: `webhook/${hookId}/webhook`, idOf: (run: any) => run.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.deliveryId }, theirs: { id: theirs.id as string, path: `webhook/${path}`, idOf: (run: any) => run.data?.resultData?.runData?.Webhook?.[0]?.data?.main?.[0]?.[0]?.json?.body?.id } };
}
type Load = Awaited<ReturnType<typeof setUp>>['ours'];

/** Every run of a workflow, by the delivery id it ran. */
async function runsById(api: Api, load: Load) {
	const counts = new Map<string, number>();
	let cursor: string | undefined;
	do {
		const page = await api('GET', `/executions?workflowId=${load.id}&includeData=true&limit=250${cursor ? `&cursor=${cursor}` : ''}`);
		for (const run of page.data ?? []) {
			const id = load.idOf(run);
			if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return counts;
}

/** One POST signed as Lusha signs it; resolves with the status, 0 when nothing answered. */
async function post(url: string, body: string): Promise<number> {
	const timestamp = String(Math.floor(Date.now() / 1000));
	return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lusha-timestamp': timestamp, 'x-lusha-signature': signDelivery(SECRET, timestamp, body) }, body })
		.then(async (response) => {
			await response.arrayBuffer();
			return response.status;
		})
		.catch(() => 0);
}
const acknowledged = (status: number) => status >= 200 && status < 300;

/** One delivery, as Lusha sends it and re-sends it until acknowledged, timing the acknowledgement. */
async function deliver(url: string, body: string, phase: Phase): Promise<void> {
	for (let attempt = 0; attempt <= RETRIES; attempt++) {
		const started = performance.now();
		const status = await post(url, body);
		if (acknowledged(status)) {
			phase.ackMs.push(performance.now() - started);
			return;
		}
		phase.refusals++;
		await sleep(1000 * 2 ** attempt);
	}
	phase.neverAcknowledged++;
}

async function soak(target: Target, api: Api, load: Load): Promise<Phase> {
	const phase: Phase = { ackMs: [], acknowledged: new Set(), refusals: 0, neverAcknowledged: 0, rssMB: [rssMB(target.main.process.pid)], lockTimeouts: 0, notRun: 0, duplicateRuns: 0, seconds: 0 };
	const locksBefore = lockTimeouts(target);
	const started = Date.now();
	const spacingMs = 60_000 / PER_MINUTE;
	let next = 0;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < TOTAL) {
				const index = next++;
				const due = started + index * spacingMs;
				if (due > Date.now()) await sleep(due - Date.now());
				const id = randomUUID();
				const body = JSON.stringify({ id, type: 'promotion', entityType: 'contact', entityId: '1000000', subscriptionId: 'soak', data: { personId: 1000000, currentTitle: 'VP Sales', previousTitle: 'Director of Sales', currentCompanyName: 'Acme', signalDate: '2026-11-01' }, timestamp: new Date().toISOString(), billing: { creditsCharged: 1 } });
				const before = phase.ackMs.length;
				await deliver(`${target.main.url}/${load.path}`, body, phase);
				if (phase.ackMs.length > before) phase.acknowledged.add(id);
				if ((index + 1) % 1000 === 0) phase.rssMB.push(rssMB(target.main.process.pid));
			}
		}),
	);
	phase.seconds = (Date.now() - started) / 1000;
	// Every run waits 20 s, and a worker may lag behind: count once every run is in, or none came for a minute.
	let runs = new Map<string, number>();
	let lastGrowth = Date.now();
	while (Date.now() - lastGrowth < 60_000) {
		await sleep(10_000);
		const counted = await runsById(api, load);
		if (counted.size > runs.size) lastGrowth = Date.now();
		runs = counted;
		if ([...phase.acknowledged].every((id) => runs.has(id))) break;
	}
	phase.notRun = [...phase.acknowledged].filter((id) => !runs.has(id)).length;
	phase.duplicateRuns = [...runs.values()].reduce((sum, count) => sum + count - 1, 0);
	phase.lockTimeouts = lockTimeouts(target) - locksBefore;
	return phase;
}

function growthPerThousand(samples: number[]): string {
	return samples.slice(1).map((mb, i) => (mb - samples[i]).toFixed(0)).join(' ');
}

/** Whether acknowledgements slow down as the run goes on: the median of each successive 1,000. */
function p50PerThousand(ackMs: number[]): string {
	const medians: string[] = [];
	for (let start = 0; start < ackMs.length; start += 1000) medians.push(percentile(ackMs.slice(start, start + 1000), 0.5).toFixed(0));
	return medians.join(' ');
}

function report(targetName: string, ours: Phase, theirs: Phase) {
	const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? '1.00' : 'n/a') : (a / b).toFixed(2));
	const figures: Array<[string, number, number]> = [
		['ack p50 (ms)', percentile(ours.ackMs, 0.5), percentile(theirs.ackMs, 0.5)],
		['ack p99 (ms)', percentile(ours.ackMs, 0.99), percentile(theirs.ackMs, 0.99)],
		['acknowledged but not run', ours.notRun, theirs.notRun],
		['duplicate runs', ours.duplicateRuns, theirs.duplicateRuns],
		['refused, then retried', ours.refusals, theirs.refusals],
		['never acknowledged after 5 retries', ours.neverAcknowledged, theirs.neverAcknowledged],
		['n8n main RSS at the end (MB)', ours.rssMB.at(-1) ?? 0, theirs.rssMB.at(-1) ?? 0],
		['lock timeouts in n8n’s log', ours.lockTimeouts, theirs.lockTimeouts],
		['wall time (s)', ours.seconds, theirs.seconds],
	];
	console.log(`\nSoak on ${targetName}: ${TOTAL.toLocaleString('en-US')} deliveries at ${PER_MINUTE}/min, ${CONCURRENCY} at a time, 20 s workflow`);
	console.table(figures.map(([figure, a, b]) => ({ figure, 'Lusha Trigger': Number(a.toFixed(1)), 'n8n Webhook node': Number(b.toFixed(1)), ratio: ratio(a, b) })));
	console.log(`n8n main RSS every 1,000 deliveries (MB): Lusha Trigger ${ours.rssMB.map((mb) => mb.toFixed(0)).join(' ')}; Webhook node ${theirs.rssMB.map((mb) => mb.toFixed(0)).join(' ')}`);
	console.log(`  growth per 1,000 (MB): Lusha Trigger ${growthPerThousand(ours.rssMB)}; Webhook node ${growthPerThousand(theirs.rssMB)}`);
	console.log(`ack p50 per 1,000 deliveries (ms): Lusha Trigger ${p50PerThousand(ours.ackMs)}; Webhook node ${p50PerThousand(theirs.ackMs)}`);
	const ok = ours.notRun === 0 && ours.duplicateRuns === 0 && ours.neverAcknowledged === 0;
	console.log(ok ? 'Target met: 0 acknowledged but not run, 0 duplicates.' : 'TARGET MISSED: deliveries lost or run twice (see above).');
}

async function startSqlite(userFolder: string): Promise<Target> {
	const main = await startN8n({ userFolder, port: await freePort(), brokerPort: await freePort(), env: { EXECUTIONS_DATA_PRUNE: 'false' } });
	return { name: 'SQLite (one n8n process)', main, all: [main], stop: () => main.stop() };
}

async function startQueue(userFolder: string): Promise<Target> {
	const stack = await startQueueMode({ userFolder, webhookProcesses: 0, workerConcurrency: 500, env: { EXECUTIONS_DATA_PRUNE: 'false', N8N_LOG_LEVEL: 'info' } });
	return { name: 'queue mode with Postgres (main, worker, Redis)', main: stack.main, all: [stack.main, stack.worker], stop: () => stack.stop() };
}

async function main() {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lusha-soak-'));
	const sandbox = await startSandboxProcess({ secret: SECRET });
	const tarball = packPackage(path.join(root, 'pack'));
	const wanted = (process.env.LUSHA_SOAK_TARGETS ?? 'sqlite,queue').split(',');
	try {
		for (const [name, start] of [['sqlite', startSqlite], ['queue', startQueue]] as const) {
			if (!wanted.includes(name)) continue;
			const userFolder = path.join(root, name);
			installPackage(userFolder, tarball);
			const target = await start(userFolder);
			try {
				const { apiKey } = await bootstrapOwner(target.main.url);
				const api = client(target.main.url, apiKey);
				const loads = await setUp(api, sandbox);
				// n8n 2.x activates in the background: wait until both answer (these warm-up runs carry no delivery id).
				for (const load of [loads.ours, loads.theirs]) {
					let status = 0;
					for (let waited = 0; waited < 180 && !acknowledged(status); waited++) {
						status = await post(`${target.main.url}/${load.path}`, '{}');
						if (!acknowledged(status)) await sleep(1000);
					}
					if (!acknowledged(status)) throw new Error(`${load.path} answered ${status} for 3 minutes:\n${target.main.logs().slice(-3000)}`);
				}
				console.log(`${target.name}: both workflows active; sending ${TOTAL.toLocaleString('en-US')} deliveries to each, one after the other`);
				const ours = await soak(target, api, loads.ours);
				const theirs = await soak(target, api, loads.theirs);
				report(target.name, ours, theirs);
				// Lusha allows one subscription per entity per account: the next target subscribes the same entity.
				for (const load of [loads.ours, loads.theirs]) await api('POST', `/workflows/${load.id}/deactivate`);
			} finally {
				await target.stop();
			}
		}
	} finally {
		await sandbox.stop();
		fs.rmSync(root, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
