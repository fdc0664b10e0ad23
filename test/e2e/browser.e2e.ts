/**
 * The README in a real browser (Debian's chromium, driven by playwright-core; nothing is downloaded),
 * on the workflows `npm start` preloads (its own `preload`), on n8n 2.x and 1.x:
 *  - the sandbox page: "Send signal" on an active trigger's subscription shows n8n's 201 and runs the workflow;
 *  - "First signal in 3 minutes", steps 1–5 exactly as written: log in, the Assistant page, the trigger's
 *    Execute step, Send signal on the sandbox page, then Execute step on the Lusha node with no new signal;
 *  - every preloaded example, run with the buttons its README line names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { api, createCredential, createWorkflow, executions, rest, sandbox, state, waitFor } from './client';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { preload } = require('../../scripts/start');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { OWNER } = require('../../scripts/lib/n8n');

const CHROMIUM = process.env.LUSHA_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WEBHOOK_ID = '9b8f5a52-4c1e-4f0e-9d7c-000000000b01';
const ENTITY_ID = '1000000';
const IS_1X = state.n8nVersion.startsWith('1.');

async function launch(): Promise<{ browser: BrowserContext; profile: string }> {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lusha-chromium-'));
	// A persistent context is how playwright takes a fresh --user-data-dir.
	const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 900 } });
	return { browser, profile };
}

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
		({ browser, profile } = await launch());
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

interface Preloaded {
	file: string;
	id: string;
	name: string;
}

describe('the README in the n8n editor, on the workflows `npm start` preloads', () => {
	let browser: BrowserContext;
	let profile: string;
	let editor: Page;
	let page: Page;
	const preloaded = new Map<string, Preloaded>();

	beforeAll(async () => {
		// A fresh sandbox first, as `npm start` has one: the account-scoring table is made by the preload.
		await sandbox('POST', 'reset', {});
		const created = (await preload(state.n8nUrl, state.cookie, state.apiKey, { url: state.sandboxUrl, apiKey: state.sandboxApiKey })) as Preloaded[];
		for (const workflow of created) preloaded.set(workflow.file, workflow);
		({ browser, profile } = await launch());
		editor = await browser.newPage();
		page = await browser.newPage();
	});

	afterAll(async () => {
		await browser?.close();
		if (profile) fs.rmSync(profile, { recursive: true, force: true });
	});

	it('preloads every example, each with pinData (so Execute step after a test event works on n8n 2.x)', async () => {
		const files = fs.readdirSync(path.resolve(__dirname, '../../examples')).filter((f) => f.endsWith('.json'));
		expect([...preloaded.keys()].sort()).toEqual(files.sort());
		for (const { id } of preloaded.values()) {
			const { pinData, nodes } = (await rest('GET', `/rest/workflows/${id}`)).body.data;
			expect(pinData).toEqual(expect.any(Object));
			// n8n 1.x runs no step while a node lacks its credential: there, Slack, HubSpot and the sheet writer load deactivated.
			const off = (nodes as Array<{ type: string; disabled?: boolean }>).filter((n) => n.disabled).map((n) => n.type);
			if (IS_1X) expect(off.every((type) => /slack|hubspot|googleSheets|httpRequest/.test(type))).toBe(true);
			else expect(off).toEqual([]);
		}
	});

	it('"First signal in 3 minutes": log in, open the example, Execute step on the trigger, Send signal, then Execute step on the Lusha node with no new signal', async () => {
		const workflow = preloaded.get('promotion-update-crm.json') as Preloaded;
		const person = ((await sandbox('GET', 'state')).body.people as Array<{ personId: number; email: string }>).find((p) => p.personId === 1000000) as { email: string };

		// 1. Log in with the printed owner (and skip n8n 2.41's Assistant page).
		await editor.goto(`${state.n8nUrl}/`);
		await signIn(editor);
		// 2. Open the example from the workflow list.
		await editor.getByText(workflow.name).first().click({ timeout: 60_000 });
		await editor.waitForURL(new RegExp(`/workflow/${workflow.id}`), { timeout: 60_000 });
		const runsBefore = (await executions(workflow.id)).length;

		// 3. Double-click the trigger, Execute step.
		await executeStep(editor, 'Champion promoted');
		// 4. The sandbox page lists the subscription at n8n's test URL; Send signal shows n8n's 201; the trigger's output shows the signal.
		await page.goto(`${state.sandboxUrl}/`);
		const row = page.locator('#subscriptions tbody tr').filter({ hasText: `contact ${ENTITY_ID}` });
		await row.waitFor({ timeout: 60_000 });
		expect(await row.textContent()).toContain('/webhook-test/');
		await row.getByRole('button', { name: 'Send signal' }).click();
		await row.getByRole('status').getByText('HTTP 201').waitFor({ timeout: 15_000 });
		await editor.bringToFront();
		await outputPanel(editor).getByText('currentTitle').first().waitFor({ timeout: 30_000 });
		const deliveries = (await sandbox('GET', 'log')).body.deliveries.length;

		// 5. Close the trigger, double-click the Lusha node, Execute step: it runs on the step-4 signal, no new one.
		await editor.keyboard.press('Escape');
		await executeStep(editor, 'Find the champion in Lusha');
		await outputPanel(editor).getByText(person.email).first().waitFor({ timeout: 60_000 });
		await expect(editor.getByText('Problem running workflow').count()).resolves.toBe(0);
		expect((await sandbox('GET', 'log')).body.deliveries.length).toBe(deliveries);
		// The manual run n8n saved: the Lusha node ran on the same delivery the trigger showed.
		const run = await waitFor(async () => {
			const runs = await executions(workflow.id);
			return runs.slice(0, runs.length - runsBefore).find((r) => r.data?.resultData?.runData?.['Find the champion in Lusha']);
		}, 'the step-5 run');
		expect(run.data.resultData.error).toBeUndefined();
		// What step 5 says the output has: version 2's simplified contact.
		expect(outputOf(run, 'Find the champion in Lusha')[0]).toMatchObject({ found: true, email: person.email, fullName: expect.any(String), id: expect.stringMatching(/^v1\./), billing: { creditsCharged: expect.any(Number) } });
		await editor.keyboard.press('Escape');
	});

	/** One line per example in the README: the node to run, the signal to send from the sandbox page, what shows. */
	const RUNS: Array<{ file: string; node: string; signal?: { row: string; type?: string }; button?: string; check: (run: any) => Promise<void> | void }> = [
		{
			file: 're-engage-past-buyers.json',
			node: 'Enrich the person at the new company',
			signal: { row: 'contact 1000001', type: 'companyChange' },
			// Version 2 (API V3): the numeric ID from the signal in, Lusha's encrypted ID and the work email out.
			check: async (run) => {
				const person = ((await sandbox('GET', 'state')).body.people as Array<{ personId: number; email: string }>).find((p) => p.personId === 1000001);
				expect(outputOf(run, 'Enrich the person at the new company')[0]).toMatchObject({ found: true, id: expect.stringMatching(/^v1\./), email: person?.email });
			},
		},
		{
			file: 'funding-hiring-surge-route.json',
			node: 'Route by signal',
			signal: { row: 'company 5001', type: 'financialEventsNews' },
			check: (run) => expect(run.data.resultData.runData['Route by signal'][0].data.main[0][0].json).toMatchObject({ signalType: 'financialEventsNews', entityId: '5001' }),
		},
		{
			file: 'churn-risk-alert.json',
			node: 'Is it a real risk?',
			signal: { row: 'company 5002', type: 'headcountDecrease3m' },
			check: (run) => expect(run.data.resultData.runData['Is it a real risk?'][0].data.main.flat().filter(Boolean)).toHaveLength(1),
		},
		{
			file: 'gdpr-opt-out-erase-from-crm.json',
			node: 'Contact opted out',
			signal: { row: 'opt-outs' },
			check: (run) => expect(outputOf(run, 'Contact opted out')[0]).toMatchObject({ signalType: 'optOut', contactId: expect.any(String), emails: [expect.stringContaining('@')] }),
		},
		{
			file: 'lusha-signals-to-unstuck.json',
			node: 'Send to Unstuck',
			signal: { row: 'contact 1000000', type: 'promotion' },
			check: async (run) => {
				expect(outputOf(run, 'Send to Unstuck')).toHaveLength(1);
				const captures = (await sandbox('GET', 'unstuck')).body.captures as Array<Record<string, unknown>>;
				expect(captures.at(-1)?.body).toMatchObject({ signal_type: 'job_promotion', source: 'lusha', identity: { email: expect.stringContaining('@') } });
			},
		},
		{
			file: 'monday-account-scoring.json',
			node: '',
			button: 'Execute workflow',
			check: async (run) => {
				expect(run.status).toBe('success');
				expect(outputOf(run, 'Add to the SDR table').length).toBeGreaterThan(0);
				const tables = (await sandbox('GET', 'v3')).body.tables as Array<{ name: string; entities?: number; rows?: number }>;
				expect(JSON.stringify(tables)).toContain('SDR hot accounts');
			},
		},
		{
			file: 'scheduled-bulk-enrichment.json',
			node: 'Enrich in batches of 100',
			check: (run) => {
				const rows = outputOf(run, 'Enrich in batches of 100');
				expect(rows).toHaveLength(6);
				expect(rows.filter((r) => r.found === true && r.email && r.phone)).toHaveLength(5);
				expect(rows[5]).toMatchObject({ found: false, email: 'nobody@unknown-company.example', error: { code: 'NOT_FOUND' } });
			},
		},
	];

	it.each(RUNS.map((r) => [r.file, r]))('%s runs from the editor as its README line says', async (_file, example) => {
		const workflow = preloaded.get(example.file) as Preloaded;
		const before = new Set((await executions(workflow.id)).map((r) => r.id));
		await editor.bringToFront();
		await editor.goto(`${state.n8nUrl}/workflow/${workflow.id}`);
		const signInField = editor.locator('input[name="emailOrLdapLoginId"]');
		await Promise.race([signInField.waitFor({ timeout: 60_000 }), editor.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 })]);
		if (await signInField.isVisible()) {
			await signIn(editor);
			await editor.goto(`${state.n8nUrl}/workflow/${workflow.id}`);
		}
		if (example.button) {
			// The canvas can lay a node over the button in a small window; the click is the button's own.
			await editor.getByRole('button', { name: example.button }).filter({ visible: true }).first().dispatchEvent('click', undefined, { timeout: 60_000 });
		} else {
			await executeStep(editor, example.node);
		}
		if (example.signal) {
			await page.bringToFront();
			await page.goto(`${state.sandboxUrl}/`);
			const row = page.locator('#subscriptions tbody tr').filter({ hasText: example.signal.row }).filter({ hasText: '/webhook-test/' }).first();
			await row.waitFor({ timeout: 60_000 });
			if (example.signal.type) await row.getByLabel('Signal type').selectOption(example.signal.type);
			await row.getByRole('button', { name: 'Send signal' }).click();
			await row.getByRole('status').getByText('HTTP 201').waitFor({ timeout: 15_000 });
			if (example.signal.row === 'opt-outs') {
				// An opt-out delivery is logged as what it is: signal optOut, about the contact delivered.
				const delivery = page.locator('#deliveries tbody tr').first();
				await delivery.getByText('optOut').waitFor({ timeout: 10_000 });
				expect(await delivery.textContent()).toMatch(/contact \d+/);
			}
		}
		const run = await waitFor(async () => (await executions(workflow.id)).find((r) => !before.has(r.id) && (r.finished || r.status === 'error' || r.status === 'success')), `the run of ${example.file}`, 90_000);
		expect(run.data.resultData.error).toBeUndefined();
		await example.check(run);
		// What the builder sees: the node's output, and no "Problem running workflow".
		if (!example.button) await outputPanel(editor).getByText(/\d+ items?/).first().waitFor({ timeout: 30_000 });
		expect(await editor.getByText('Problem running workflow').count()).toBe(0);
		await editor.keyboard.press('Escape');
	});
});

/** The sign-in form with the owner `npm start` prints; n8n 2.41 then shows its Assistant page, "Set up later in Settings" skips it. */
async function signIn(editor: Page) {
	await editor.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email, { timeout: 60_000 });
	await editor.locator('input[name="password"]').fill(OWNER.password);
	await editor.getByRole('button', { name: /sign in/i }).click();
	const later = editor.getByText('Set up later in Settings');
	// The Assistant page shows once per user; else n8n goes on to the overview or the page asked for.
	await editor.waitForURL((url) => /^\/(assistant|home|workflow)/.test(url.pathname), { timeout: 60_000 });
	if (new URL(editor.url()).pathname.startsWith('/assistant')) await later.click({ timeout: 30_000 });
	await editor.waitForURL((url) => /^\/(home|workflow)/.test(url.pathname), { timeout: 60_000 });
}

const outputOf = (run: any, node: string) => ((run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []) as Array<{ json: Record<string, any> }>).map((i) => i.json);

/** The node's output panel in the node view (n8n 2.x and 1.x name it alike). */
const outputPanel = (editor: Page) => editor.locator('[data-test-id="output-panel"]');

/** Double-click a node on the canvas and click its "Execute step". */
async function executeStep(editor: Page, node: string) {
	await editor.locator('[data-test-id="canvas-node"]').filter({ hasText: node }).first().dblclick({ timeout: 60_000 });
	await editor.getByRole('button', { name: IS_1X ? /^(Execute|Test) step$/ : 'Execute step' }).filter({ visible: true }).last().click();
}

async function expectText(locator: import('playwright-core').Locator, text: string) {
	await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 10_000 });
}
