import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

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

	it('tells the builder to start a new session when Lusha answers 410 DEDUPE_SESSION_INVALID', async () => {
		const first = await similar({ returnAll: false, limit: 5 });
		await fetch(`${ctx.sandbox.url}/__admin/expire-lookalike-sessions`, { method: 'POST' });
		const again = await similar({ returnAll: false, limit: 5, lookalikeOptions: { dedupeSessionId: first.items[0].json.dedupeSessionId } });
		expect(again.error?.message).toBe('Lusha answered 410: The provided dedupeSessionId is invalid or expired. Generate a new request without dedupeSessionId to start a fresh run.');
		expect(again.error?.description).toContain('DEDUPE_SESSION_INVALID');
		expect(again.error?.description).toContain('Clear Options → Session ID to start a new session');
	});

	it('refuses a session ID that is not a UUID before sending', async () => {
		const result = await similar({ lookalikeOptions: { dedupeSessionId: 'last-week' } });
		expect(result.error?.message).toBe('Options → Session ID must be a Lusha session ID (a UUID like 58adaa77-7a6e-4c9b-8c2d-820a6538e613), not "last-week" (item 0)');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});

	it('refuses more than 100 seeds, naming the field and the item that went over, before sending', async () => {
		const items = Array.from({ length: 101 }, (_, i) => ({ email: `seed${i}@acme.example` }));
		const result = await similar({}, items);
		expect(result.error?.message).toBe('Seed Emails has more than 100 entries (item 100)');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
		// 100 distinct seeds, repeated across items, are fine.
		const repeated = await similar({ returnAll: false, limit: 5 }, [...items.slice(0, 100), ...items.slice(0, 100)]);
		expect(repeated.error).toBeUndefined();
	});

	it('refuses more than 100 excluded IDs, and IDs that are not numbers, before sending', async () => {
		const ids = Array.from({ length: 101 }, (_, i) => String(2000000 + i)).join(',');
		const tooMany = await similar({ lookalikeOptions: { excludeContactIds: ids } });
		expect(tooMany.error?.message).toBe('Options → Exclude Lusha Person IDs has more than 100 entries (item 0)');
		const notIds = await similar({ lookalikeOptions: { excludeContactIds: '12, ava@acme.example' } });
		expect(notIds.error?.message).toBe('Options → Exclude Lusha Person IDs must contain a whole-number Lusha ID, but has "ava@acme.example" (item 0)');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
		const fine = await similar({ returnAll: false, limit: 5, lookalikeOptions: { excludeContactIds: '1000000, 1000001' } });
		expect(fine.error).toBeUndefined();
		expect(ctx.sandbox.requestsTo('POST /v3/lookalike/contacts')[0].body.exclude).toEqual({ contactIds: [1000000, 1000001] });
	});

	it('sends seed domains as bare domains', async () => {
		const result = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'lookalike', operation: 'findSimilarCompanies', seedDomains: 'https://www.AcmeLabs.example/about, bluelabs.example', returnAll: false, limit: 3 },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.requestsTo('POST /v3/lookalike/companies')[0].body.seeds).toEqual({ domains: ['www.acmelabs.example', 'bluelabs.example'] });
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
