/**
 * Lusha retries a delivery 3 times, then disables the subscription, and never switches it back on
 * itself. The trigger must do it without anyone touching the workflow: once n8n is back after being
 * down (single process with SQLite, and queue mode with Postgres and Redis), and while it runs. Each
 * test starts its own n8n, on the suite's runtime, against the suite's sandbox.
 */
import fs from 'node:fs';
import path from 'node:path';

import { DOMAIN_FIELDS, lushaTriggerNode, sandbox, state, waitFor } from './client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startQueueMode, freePort, ENCRYPTION_KEY } = require('../../scripts/lib/queue');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bootstrapOwner, installPackage, startN8n } = require('../../scripts/lib/n8n');

const on2x = state.n8nVersion?.startsWith('2.') ?? true;
const runtime = on2x ? '2x' : '1x';
const runDir = path.dirname(process.env.LUSHA_E2E_STATE as string);

interface Client {
	url: string;
	apiKey: string;
}
interface SandboxSubscription {
	id: string;
	url: string;
	entityId: string;
	isActive: boolean;
	blockedAt: string | null;
}
type Handle = { url: string; stop(): Promise<void>; logs(): string };

const call = async (client: Client, method: string, route: string, body?: unknown) => {
	const response = await fetch(`${client.url}/api/v1${route}`, { method, headers: { 'X-N8N-API-KEY': client.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

const subscriptionsAt = async (url: string) => ((await sandbox('GET', 'state')).body.subscriptions as SandboxSubscription[]).filter((s) => s.url === url);
const deliver = async (subscriptionId: string, tamper?: Record<string, unknown>) => (await sandbox('POST', 'deliver', { subscriptionId, tamper })).body as { delivered: boolean; disabled?: boolean; payload: { id: string }; attempts: Array<{ statusCode: number }> };
const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

function packedTarball() {
	const packDir = path.join(runDir, 'pack');
	return path.join(packDir, fs.readdirSync(packDir).find((f) => f.endsWith('.tgz')) as string);
}

async function setUp(client: Client, webhookId: string, entityIds: string[], options: Record<string, unknown> = {}, onConflict = 'fail') {
	const credential = await call(client, 'POST', '/credentials', { name: 'Lusha sandbox (heal)', type: 'lushaApi', data: { apiKey: state.sandboxApiKey, baseUrl: state.sandboxUrl, webhookSecret: '', ...DOMAIN_FIELDS } });
	const workflow = {
		name: `Keep signals flowing ${webhookId.slice(-4)}`,
		settings: {},
		nodes: [lushaTriggerNode(webhookId, { id: credential.body.id, name: 'Lusha sandbox (heal)' }, entityIds, 'Heal', { onConflict, options })],
		connections: {},
	};
	const created = await call(client, 'POST', '/workflows', workflow);
	if (created.status !== 200) throw new Error(`workflow: ${created.status} ${JSON.stringify(created.body)}`);
	const id = created.body.id as string;
	expect((await call(client, 'POST', `/workflows/${id}/activate`)).status).toBe(200);
	const url = `${client.url}/webhook/${webhookId}/webhook`;
	await waitFor(async () => (await subscriptionsAt(url)).length === entityIds.length, 'the subscriptions');
	return { id, url };
}

/**
 * Sends one signal to each subscription while nothing acknowledges it: Lusha tries 4 times, then
 * disables the subscription. With n8n down, checks they all stay disabled and silent; with n8n up,
 * its check may switch the first ones back on before the last is disabled.
 */
async function disableAll(url: string, tamper?: Record<string, unknown>) {
	for (const subscription of await subscriptionsAt(url)) {
		const result = await deliver(subscription.id, tamper);
		expect(result.delivered).toBe(false);
		expect(result.attempts).toHaveLength(4);
	}
	if (tamper) return;
	const after = await subscriptionsAt(url);
	expect(after.every((s) => !s.isActive && s.blockedAt)).toBe(true);
	// Disabled means silent: the next signal is not even sent.
	expect(await deliver(after[0].id)).toMatchObject({ delivered: false, disabled: true, attempts: [] });
}

/** Waits until Lusha has every subscription at the URL active again; returns how long it took. */
async function untilActive(url: string, since: number, timeoutMs: number) {
	await waitFor(async () => (await subscriptionsAt(url)).every((s) => s.isActive), 'the subscriptions to be active again', timeoutMs);
	return seconds(since);
}

/** The trigger's first output item of each run of the workflow. */
async function firstItems(client: Client, workflowId: string) {
	const listed = await call(client, 'GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100`);
	return (listed.body.data ?? []).map((e: any) => e.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0]?.[0]?.json).filter(Boolean) as Array<Record<string, any>>;
}

/** Every item the trigger output, in every run of the workflow. */
async function allItems(client: Client, workflowId: string) {
	const listed = await call(client, 'GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100`);
	return (listed.body.data ?? []).flatMap((e: any) => (e.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0] ?? []).map((item: any) => item.json)) as Array<Record<string, any>>;
}

async function runOf(client: Client, workflowId: string, deliveryId: string) {
	return await waitFor(async () => (await firstItems(client, workflowId)).find((item) => item.deliveryId === deliveryId), 'the run of the delivery after the heal', 90_000);
}

/** After the heal, a signal is delivered and starts a run again. */
async function signalsFlow(client: Client, workflowId: string, url: string) {
	const [subscription] = await subscriptionsAt(url);
	const result = await deliver(subscription.id);
	expect(result.delivered).toBe(true);
	expect(result.attempts[0].statusCode).toBe(201);
	expect(await runOf(client, workflowId, result.payload.id)).toBeDefined();
}

describe(`the Lusha Trigger switches disabled subscriptions back on (n8n ${state.n8nVersion}, single process, SQLite)`, () => {
	const userFolder = path.join(runDir, 'heal-user');
	let port: number;
	let n8n: Handle | undefined;
	let client: Client;
	const start = async () => (n8n = await startN8n({ userFolder, port, brokerPort: await freePort(), runtime }));

	beforeAll(async () => {
		installPackage(userFolder, packedTarball(), runtime);
		port = await freePort();
		await start();
		client = { url: (n8n as Handle).url, apiKey: (await bootstrapOwner((n8n as Handle).url)).apiKey };
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		// What the trigger logged, for reading after a failure.
		const lines = (n8n?.logs() ?? '').split('\n').filter((line) => /Lusha|cron|rror/.test(line));
		process.stdout.write(`[e2e:heal] n8n log, Lusha lines:\n${lines.slice(-40).join('\n')}\n`);
	}, 60_000);

	it('after n8n was down until Lusha disabled the subscriptions, they are active again once n8n is back, and signals run the workflow', async () => {
		const { id, url } = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000001', ['1000500', '1000501', '1000502', '1000503', '1000504']);
		await (n8n as Handle).stop();
		await disableAll(url);
		const restarted = Date.now();
		await start();
		const took = await untilActive(url, restarted, 120_000);
		process.stdout.write(`[e2e:heal] single process: active again ${took} s after the restart began\n`);
		await signalsFlow(client, id, url);
	}, 420_000);

	it('while n8n runs, subscriptions Lusha disabled are active again at the next check', async () => {
		const { id, url } = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000002', ['1000510', '1000511', '1000512'], { checkEveryMinutes: 0.1 });
		// Every attempt answered 401, as when deliveries fail on n8n's side while the main process is up.
		await disableAll(url, { secret: 'whsec_not_the_account_secret' });
		const disabled = Date.now();
		const took = await untilActive(url, disabled, 60_000);
		process.stdout.write(`[e2e:heal] single process, running: active again ${took} s after Lusha disabled them (check every 6 s)\n`);
		// The run after the heal says which entities missed signals, and since when.
		const notices = await waitFor(async () => {
			const found = (await firstItems(client, id)).filter((item) => item.notice === 'subscriptionsReactivated');
			return found.flatMap((item) => item.entityIds).length === 3 && found;
		}, 'the runs saying the subscriptions were switched back on', 30_000);
		expect(notices.flatMap((item) => item.entityIds).sort()).toEqual(['1000510', '1000511', '1000512']);
		for (const notice of notices) expect(Date.parse(notice.missedFrom)).toBeLessThanOrEqual(Date.parse(notice.missedUntil));
		await signalsFlow(client, id, url);
	}, 300_000);

	it('Recover Missed Signals: after n8n was down, each signal Lusha fired meanwhile comes out once, marked recovered; the delivered one does not; a later check recovers nothing new', async () => {
		// Fixture people, so Lusha's signals API knows them.
		const entities = ['1000180', '1000181', '1000182'];
		const { id, url } = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000008', entities, { recoverMissedSignals: true, checkEveryMinutes: 0.1 });
		const [first] = await subscriptionsAt(url);
		// Delivered while n8n is up: the signals API lists it too, but it already ran.
		const delivered = await deliver(first.id);
		expect(delivered.delivered).toBe(true);
		await runOf(client, id, delivered.payload.id);

		await (n8n as Handle).stop();
		const missed: string[] = [];
		for (const subscription of await subscriptionsAt(url)) {
			expect((await deliver(subscription.id)).attempts).toHaveLength(4);
			missed.push(subscription.entityId);
		}
		// Fired at a subscription Lusha has disabled: not sent at all, still missed.
		expect(await deliver(first.id)).toMatchObject({ disabled: true });
		missed.push(first.entityId);
		// The first entity's missed signals share the delivered one's entity, type and day: all but that one come out.

		await start();
		await untilActive(url, Date.now(), 120_000);
		const recoveredNow = async () => (await allItems(client, id)).filter((item) => item.recovered === true);
		const recovered = await waitFor(async () => {
			const found = await recoveredNow();
			return found.length >= missed.length && found;
		}, 'the recovered signals', 90_000);
		expect(recovered.map((item) => item.entityId).sort()).toEqual([...missed].sort());
		for (const item of recovered) expect(item).toMatchObject({ recovered: true, isTest: false, deliveryId: null, entityType: 'contact', signalType: expect.any(String), signalDate: expect.any(String), billing: { creditsCharged: expect.any(Number) } });
		const notice = (await allItems(client, id)).find((item) => item.notice === 'subscriptionsReactivated' && item.recoveredCount !== undefined);
		expect(notice).toMatchObject({ recoveredCount: missed.length, alreadyDelivered: 1 });
		process.stdout.write(`[e2e:heal] recovered ${recovered.length} missed signals for ${notice?.creditsCharged} credits; left out ${notice?.alreadyDelivered} delivered\n`);

		// Three more checks (every 6 s): nothing comes out again.
		await new Promise((resolve) => setTimeout(resolve, 20_000));
		expect(await recoveredNow()).toHaveLength(missed.length);
		expect((await call(client, 'POST', `/workflows/${id}/deactivate`)).status).toBe(200);
	}, 420_000);

	it('Take Over: while B holds A’s entities, A’s next run names them; when B is deactivated, they go back to A’s URL and signals run A again', async () => {
		const entities = ['1000530', '1000531', '1000532', '1000533', '1000534'];
		const a = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000004', entities, { checkEveryMinutes: 0.1 });
		const b = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000005', entities, {}, 'takeOver');
		expect(await subscriptionsAt(a.url)).toHaveLength(0);
		const notice = await waitFor(async () => (await firstItems(client, a.id)).find((item) => item.notice === 'entitiesNotWatched'), 'A’s run naming the entities it lost', 60_000);
		expect([...notice.entityIds].sort()).toEqual(entities);
		expect(notice).toMatchObject({ isNotice: true, entityType: 'contact' });

		expect((await call(client, 'POST', `/workflows/${b.id}/deactivate`)).status).toBe(200);
		const back = await waitFor(async () => {
			const found = await subscriptionsAt(a.url);
			return found.length === entities.length && found;
		}, 'the entities back at A’s URL', 60_000);
		expect(back.map((s) => s.entityId).sort()).toEqual(entities);
		expect(await subscriptionsAt(b.url)).toHaveLength(0);
		await signalsFlow(client, a.id, a.url);
		expect((await call(client, 'POST', `/workflows/${a.id}/deactivate`)).status).toBe(200);
		await waitFor(async () => (await subscriptionsAt(a.url)).length === 0, 'A’s subscriptions to go');
	}, 300_000);

	it('Take Over: when A’s URL no longer answers, B’s deactivation log says which entities nobody watches now', async () => {
		const entities = ['1000540', '1000541'];
		const a = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000006', entities);
		const b = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000007', entities, {}, 'takeOver');
		expect((await call(client, 'POST', `/workflows/${a.id}/deactivate`)).status).toBe(200);
		await waitFor(async () => (await fetch(`${a.url}?challenge=x`)).status === 404, 'A’s URL to stop answering');
		expect((await call(client, 'POST', `/workflows/${b.id}/deactivate`)).status).toBe(200);
		await waitFor(async () => (await subscriptionsAt(b.url)).length === 0, 'B’s subscriptions to go');
		const logged = await waitFor(async () => (n8n as Handle).logs().split('\n').find((line) => line.includes('watched by no one')), 'B’s deactivation log line', 30_000);
		for (const id of entities) expect(logged).toContain(`contact ${id} at ${a.url}`);
		expect(await subscriptionsAt(a.url)).toHaveLength(0);
	}, 300_000);
});

(on2x ? describe : describe.skip)('the Lusha Trigger switches disabled subscriptions back on in queue mode (Postgres, Redis, main, webhook process, worker)', () => {
	const userFolder = path.join(runDir, 'heal-queue-user');
	let stack: any;
	let client: Client;
	const restarted: Handle[] = [];

	beforeAll(async () => {
		installPackage(userFolder, packedTarball());
		stack = await startQueueMode({ userFolder, webhookProcesses: 1, workerConcurrency: 5 });
		client = { url: stack.main.url, apiKey: (await bootstrapOwner(stack.main.url)).apiKey };
	}, 300_000);

	afterAll(async () => {
		await Promise.all(restarted.map((handle) => handle.stop()));
		await stack?.stop();
	}, 120_000);

	it('after every n8n process was down, the subscriptions are active again once they are back; disabled while they run, at the next check', async () => {
		const { id, url } = await setUp(client, '5b2e8c1d-4a3f-4e6b-9c7d-000000000003', ['1000520', '1000521', '1000522', '1000523'], { checkEveryMinutes: 0.1 });
		await stack.stopN8n();
		await disableAll(url);

		const began = Date.now();
		const env = {
			EXECUTIONS_MODE: 'queue',
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(stack.postgres.port),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(stack.redis.port),
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			WEBHOOK_URL: `${stack.main.url}/`,
			N8N_EDITOR_BASE_URL: `${stack.main.url}/`,
			N8N_LOG_LEVEL: 'warn',
		};
		const again = async (command: string, port: number, extra: Record<string, string> = {}) => {
			restarted.push(await startN8n({ userFolder, port, brokerPort: await freePort(), command, env: { ...env, ...extra } }));
		};
		await again('start', Number(new URL(stack.main.url).port));
		const workerPort = await freePort();
		await Promise.all([
			again('webhook', Number(new URL(stack.webhooks[0].url).port)),
			again('worker', workerPort, { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(workerPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' }),
		]);
		const took = await untilActive(url, began, 120_000);
		process.stdout.write(`[e2e:heal] queue mode: active again ${took} s after the restart began\n`);
		await signalsFlow(client, id, url);

		await disableAll(url, { secret: 'whsec_not_the_account_secret' });
		const disabled = Date.now();
		process.stdout.write(`[e2e:heal] queue mode, running: active again ${await untilActive(url, disabled, 60_000)} s after Lusha disabled them\n`);
		await signalsFlow(client, id, url);
	}, 600_000);
});
