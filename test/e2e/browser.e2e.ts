/**
 * The sandbox page in a real browser (Debian's chromium, driven by playwright-core; nothing is
 * downloaded): it lists the subscription of an active Lusha Trigger in real n8n, "Send signal"
 * delivers a signed promotion, the page shows n8n's 201, and n8n runs the workflow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

import { api, createCredential, createWorkflow, executions, sandbox, state, waitFor } from './client';

const CHROMIUM = process.env.LUSHA_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WEBHOOK_ID = '9b8f5a52-4c1e-4f0e-9d7c-000000000b01';
const ENTITY_ID = '1000000';

describe('the sandbox page in a real browser', () => {
	let browser: BrowserContext;
	let profile: string;
	let workflowId: string;

	beforeAll(async () => {
		await sandbox('POST', 'reset', {});
		const credentialId = await createCredential('Lusha sandbox (browser)');
		workflowId = await createWorkflow({
			name: 'Champion watch (browser)',
			nodes: [
				{
					id: 't',
					name: 'Champion promoted',
					type: 'n8n-nodes-lusha-api.lushaTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { entityType: 'contact', entityIds: ENTITY_ID, signalTypes: ['promotion', 'companyChange'], subscriptionName: 'Champion watch', options: {} },
					credentials: { lushaApi: { id: credentialId, name: 'Lusha sandbox (browser)' } },
				},
				{ id: 'n', name: 'Next step', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { 'Champion promoted': { main: [[{ node: 'Next step', type: 'main', index: 0 }]] } },
		});
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lusha-chromium-'));
		// A persistent context is how playwright takes a fresh --user-data-dir.
		browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
	});

	afterAll(async () => {
		await browser?.close();
		if (profile) fs.rmSync(profile, { recursive: true, force: true });
		if (workflowId) await api('POST', `/workflows/${workflowId}/deactivate`);
	});

	it('clicking "Send signal" for an active trigger shows n8n’s 201 and starts the workflow', async () => {
		const subscription = await waitFor(async () => {
			const found = ((await sandbox('GET', 'subscriptions')).body as Array<{ id: string; url: string }>).find((s) => s.url.includes(WEBHOOK_ID));
			return found;
		}, 'the trigger’s subscription');
		const before = (await executions(workflowId)).length;

		const page = await browser.newPage();
		await page.goto(`${state.sandboxUrl}/`);
		const row = page.locator(`tr[data-subscription-id="${subscription.id}"]`);
		await row.waitFor({ timeout: 15_000 });
		await expectText(row, `contact ${ENTITY_ID}`);
		await expectText(row, subscription.url);
		await row.getByLabel('Signal type').selectOption('promotion');
		await row.getByRole('button', { name: 'Send signal' }).click();

		const answer = row.getByRole('status');
		await answer.getByText('HTTP 201').waitFor({ timeout: 15_000 });
		expect(await answer.textContent()).toContain('"received":true');

		const run = await waitFor(async () => {
			const runs = await executions(workflowId);
			return runs.length > before && runs.find((r) => r.finished && r.data?.resultData?.runData?.['Next step']);
		}, 'the workflow run');
		const signal = run.data.resultData.runData['Champion promoted'][0].data.main[0][0].json;
		expect(signal).toMatchObject({ signalType: 'promotion', entityType: 'contact', entityId: ENTITY_ID, personId: Number(ENTITY_ID) });

		// The page's log has the delivery, with the credit Lusha charges for it.
		const delivery = page.locator('#deliveries tbody tr').first();
		await delivery.getByText('promotion').waitFor({ timeout: 10_000 });
		expect(await delivery.locator('td').allTextContents()).toEqual(expect.arrayContaining(['promotion', `contact ${ENTITY_ID}`, '201', '1']));
	});
});

describe('the README’s first signal, clicked through the n8n editor', () => {
	let browser: BrowserContext;
	let profile: string;

	beforeAll(async () => {
		profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lusha-chromium-'));
		browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 900 } });
		// Signed in as the owner the suite set up: the session cookie, as the editor's login would set it.
		const cookie = state.cookie.split(';')[0];
		const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
		await browser.addCookies([{ name, value, url: state.n8nUrl }]);
	});

	afterAll(async () => {
		await browser?.close();
		if (profile) fs.rmSync(profile, { recursive: true, force: true });
	});

	it('"Execute step" on the Lusha node listens on the trigger; "Send signal" on the sandbox page; the node shows the champion’s email', async () => {
		await sandbox('POST', 'reset', {});
		const credentialId = await createCredential('Lusha sandbox (walkthrough)');
		const example = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../examples/promotion-update-crm.json'), 'utf8'));
		for (const node of example.nodes) if (node.type.startsWith('n8n-nodes-lusha-api.')) node.credentials = { lushaApi: { id: credentialId, name: 'Lusha sandbox (walkthrough)' } };
		const workflowId = await createWorkflow({ name: example.name, nodes: example.nodes, connections: example.connections, settings: example.settings });
		const person = ((await sandbox('GET', 'state')).body.people as Array<{ personId: number; email: string }>).find((p) => p.personId === 1000000) as { email: string };

		const editor = await browser.newPage();
		await editor.goto(`${state.n8nUrl}/workflow/${workflowId}`);
		await editor.locator('[data-test-id="canvas-node"]').filter({ hasText: 'Find the champion in Lusha' }).first().dblclick({ timeout: 60_000 });
		await editor.getByRole('button', { name: 'Execute step' }).filter({ visible: true }).last().click();

		const page = await browser.newPage();
		await page.goto(`${state.sandboxUrl}/`);
		const row = page.locator('#subscriptions tbody tr').filter({ hasText: 'contact 1000000' });
		await row.waitFor({ timeout: 30_000 });
		expect(await row.textContent()).toContain('/webhook-test/');
		await row.getByRole('button', { name: 'Send signal' }).click();
		await row.getByRole('status').getByText('HTTP 201').waitFor({ timeout: 15_000 });

		await editor.bringToFront();
		await editor.getByText(person.email).first().waitFor({ timeout: 30_000 });
	});
});

async function expectText(locator: import('playwright-core').Locator, text: string) {
	await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
}
