/**
 * An acknowledged delivery is always a run (issue #19, gap 2). Under a burst on n8n's default
 * SQLite, writes wait for one lock and time out; a delivery acknowledged before its run was
 * recorded was then lost, since Lusha never resends what got a 201. Here another process holds
 * SQLite's write lock while a delivery arrives, which is what a timed-out write looks like to n8n.
 * n8n 2.x only: 1.x answers a webhook before it records the run.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

import { api, createCredential, createWorkflow, executions, lushaTriggerNode, sandbox, sendSigned, signedDelivery, state, waitFor } from './client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { nodeBinary, nodeEnv, RUNTIMES } = require('../../scripts/lib/runtime');

const on2x = state.n8nVersion?.startsWith('2.') ?? true;
const describeOn2x = on2x ? describe : describe.skip;

const WEBHOOK_ID = '3f1e2d4c-5b6a-4789-8abc-000000000077';
const ENTITY_IDS = ['1000770', '1000771'];
const database = path.join(path.dirname(process.env.LUSHA_E2E_STATE as string), 'user', '.n8n', 'database.sqlite');

/**
 * Takes SQLite's write lock on n8n's database from another process (n8n's own Node and sqlite3),
 * and keeps it until release() is called.
 */
async function holdWriteLock(): Promise<{ release: () => Promise<void> }> {
	const sqlite3 = path.join(RUNTIMES['2x'].dir, 'node_modules', 'sqlite3');
	const script = `
		const sqlite3 = require(${JSON.stringify(sqlite3)});
		const db = new sqlite3.Database(${JSON.stringify(database)});
		db.configure('busyTimeout', 30000);
		db.exec('BEGIN IMMEDIATE', (error) => process.stdout.write(error ? 'failed ' + error.message + '\\n' : 'locked\\n'));
		process.stdin.on('data', () => db.exec('ROLLBACK', () => db.close(() => process.exit(0))));`;
	const child: ChildProcessWithoutNullStreams = spawn(nodeBinary('2x'), ['-e', script], { env: nodeEnv('2x') });
	const first = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString())));
	if (!first.startsWith('locked')) throw new Error(`could not lock n8n's database: ${first}`);
	return {
		release: async () => {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.stdin.write('go\n');
			await exited;
		},
	};
}

const deliveryIdIn = (execution: { data: any }) => execution.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.deliveryId as string | undefined;

describeOn2x('an acknowledged delivery is always a recorded run (n8n 2.x on SQLite)', () => {
	let workflowId: string;
	const url = () => `${state.n8nUrl}/webhook/${WEBHOOK_ID}/webhook`;

	beforeAll(async () => {
		const credentialId = await createCredential('Lusha sandbox (recorded)');
		workflowId = await createWorkflow({
			name: 'Recorded before acknowledged',
			nodes: [lushaTriggerNode(WEBHOOK_ID, { id: credentialId, name: 'Lusha sandbox (recorded)' }, ENTITY_IDS, 'Recorded')],
			connections: {},
		});
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		await waitFor(async () => ((await sandbox('GET', 'state')).body.subscriptions as Array<{ url: string }>).filter((s) => s.url === url()).length === ENTITY_IDS.length, 'the subscriptions');
	});

	afterAll(async () => {
		await api('POST', `/workflows/${workflowId}/deactivate`);
	});

	it('while n8n cannot write its database, a delivery is refused (not acknowledged), and Lusha’s retry then runs exactly once', async () => {
		const [subscription] = ((await sandbox('GET', 'state')).body.subscriptions as Array<{ id: string; url: string; entityId: string }>).filter((s) => s.url === url());
		const delivery = signedDelivery(subscription);
		const lock = await holdWriteLock();
		let refused: Awaited<ReturnType<typeof sendSigned>>;
		try {
			refused = await sendSigned(url(), delivery);
		} finally {
			await lock.release();
		}
		expect(refused.status).toBeGreaterThanOrEqual(500);

		const retried = await sendSigned(url(), delivery);
		expect(retried.status).toBe(201);
		expect(retried.ack).toMatchObject({ received: true, webhookId: delivery.id });
		await waitFor(async () => (await executions(workflowId)).some((e) => deliveryIdIn(e) === delivery.id), 'the run of the retry', 60_000);
		// A third copy, once all is settled, is a duplicate.
		expect((await sendSigned(url(), delivery)).status).toBe(201);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect((await executions(workflowId)).filter((e) => deliveryIdIn(e) === delivery.id)).toHaveLength(1);
	});
});
