import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/n8n';
import { useSandbox } from '../helpers/sandbox';

const ctx = useSandbox();
const seeds = () => ctx.sandbox.fixtures.people.slice(0, 5).map((p: { emailAddresses: Array<{ email: string }> }) => ({ email: p.emailAddresses[0].email }));
const similar = (parameters: IDataObject, items: IDataObject[] = seeds()) =>
	runNode({ credential: ctx.credential, parameters: { resource: 'lookalike', operation: 'findSimilarContacts', seedEmails: '={{ $json.email }}', ...parameters }, items });

describe('Lookalikes', () => {
	it('Return All follows dedupeSessionId until Lusha says there is no more, with no repeats', async () => {
		const result = await similar({ returnAll: true });
		expect(result.error).toBeUndefined();
		const calls = ctx.sandbox.requestsTo('POST /v3/lookalike/contacts');
		expect(calls).toHaveLength(2);
		expect(calls[0].body.dedupeSessionId).toBeUndefined();
		expect(calls[1].body.dedupeSessionId).toBe(result.items[0].json.dedupeSessionId);
		expect(calls[0].body.seeds).toEqual({ emails: seeds().map((s: IDataObject) => s.email) });
		expect(result.items).toHaveLength(120);
		expect(new Set(result.items.map((i) => i.json.contactId)).size).toBe(120);
		expect(result.items[0].pairedItem).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('stops at the limit', async () => {
		const result = await similar({ returnAll: false, limit: 30 });
		expect(result.items).toHaveLength(30);
		expect(ctx.sandbox.requestsTo('POST /v3/lookalike/contacts')[0].body.limit).toBe(30);
	});

	it('explains an expired session', async () => {
		const first = await similar({ returnAll: false, limit: 5 });
		await fetch(`${ctx.sandbox.url}/__admin/expire-lookalike-sessions`, { method: 'POST' });
		const again = await similar({ returnAll: false, limit: 5, lookalikeOptions: { dedupeSessionId: first.items[0].json.dedupeSessionId } });
		expect(again.error?.message).toContain('410');
		expect(again.error?.description).toContain('Clear Options → Session ID');
	});

	it('finds similar companies from seed domains', async () => {
		const result = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'lookalike', operation: 'findSimilarCompanies', seedDomains: 'acmelabs.example, bluelabs.example', returnAll: false, limit: 10 },
		});
		expect(result.items).toHaveLength(10);
		expect(result.items[0].json).toMatchObject({ domain: expect.any(String), name: expect.any(String) });
	});

	it('asks for seeds when there are none', async () => {
		const result = await similar({ seedEmails: '' }, [{}]);
		expect(result.error?.message).toContain('No seeds: fill at least one of Seed Emails');
	});
});
