import fs from 'node:fs';
import path from 'node:path';

import { api, createCredential, rest, sandbox, state } from './client';

describe('the package in real n8n', () => {
	it('loads both nodes and the credential, with their icons', async () => {
		const types = await rest('GET', '/types/nodes.json');
		expect(types.status).toBe(200);
		const ours = (types.body as Array<{ name: string; iconUrl?: { light: string; dark: string }; usableAsTool?: boolean }>).filter((t) => t.name.startsWith('n8n-nodes-lusha-api.'));
		expect(ours.map((t) => t.name).sort()).toEqual(expect.arrayContaining(['n8n-nodes-lusha-api.lusha', 'n8n-nodes-lusha-api.lushaTrigger']));
		expect(ours.find((t) => t.name === 'n8n-nodes-lusha-api.lusha')?.usableAsTool).toBe(true);
		for (const type of ours) {
			for (const icon of [type.iconUrl?.light, type.iconUrl?.dark]) {
				expect(icon).toBeDefined();
				const served = await fetch(`${state.n8nUrl}/${icon}`, { headers: { cookie: state.cookie } });
				expect(served.status).toBe(200);
				expect(await served.text()).toContain('<svg');
			}
		}
		const credentials = await rest('GET', '/types/credentials.json');
		expect((credentials.body as Array<{ name: string }>).map((c) => c.name)).toContain('lushaApi');
	});

	it('passes the credential test against the sandbox, and fails it clearly with a wrong key', async () => {
		const id = await createCredential('Credential test');
		const good = await rest('POST', '/rest/credentials/test', { credentials: { id, name: 'Credential test', type: 'lushaApi', data: { apiKey: state.sandboxApiKey, baseUrl: `${state.sandboxUrl}/` } } });
		expect(good.body.data).toEqual({ status: 'OK', message: 'Connection successful!' });
		const bad = await rest('POST', '/rest/credentials/test', { credentials: { id, name: 'Credential test', type: 'lushaApi', data: { apiKey: 'wrong-key', baseUrl: state.sandboxUrl } } });
		expect(bad.body.data.status).toBe('Error');
		// n8n 1.x drops the HTTP answer from the error (its NodeApiError loses `cause`), so its credential test never
		// reaches our 401 rule and shows its own wording.
		expect(bad.body.data.message).toMatch(state.n8nVersion.startsWith('1.') ? /^Authorization failed - please check your credentials/ : /^API key is invalid/);
	});

	it('fails the credential test for a key without API V3 access; n8n 2.x shows what to do', async () => {
		await sandbox('POST', 'config', { apiKeys: { 'v2-only-key': { v3Enabled: false } } });
		try {
			const id = await createCredential('Credential test, no V3');
			const noV3 = await rest('POST', '/rest/credentials/test', { credentials: { id, name: 'Credential test, no V3', type: 'lushaApi', data: { apiKey: 'v2-only-key', baseUrl: state.sandboxUrl } } });
			expect(noV3.body.data.status).toBe('Error');
			// n8n 1.x never reaches our response-code rules (see above) and shows its own wording.
			if (!state.n8nVersion.startsWith('1.')) expect(noV3.body.data.message).toMatch(/^This key has no access to Lusha API V3.*ask your Lusha admin to enable API V3/);
		} finally {
			await sandbox('POST', 'reset', {});
		}
	});

	const examples = fs.readdirSync(path.resolve(__dirname, '../../examples')).filter((f) => f.endsWith('.json'));
	it.each(examples)('imports the example workflow %s', async (file) => {
		const workflow = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../examples', file), 'utf8'));
		const created = await api('POST', '/workflows', workflow);
		expect(created.status).toBe(200);
		expect(created.body.nodes).toHaveLength(workflow.nodes.length);
	});
});
