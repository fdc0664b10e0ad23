/**
 * Lusha serves at most 50 rows a page, whatever size is asked (https://docs.lusha.com/faq/api: "1,000 pages × 50
 * results"; the prospecting spec's example asks 100 and is answered `pagination.size: 50`). Every paged V3
 * operation's Return All must return every record exactly once, whether the sandbox clamps (as Lusha) or not.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const OWNER = 'user@example.com';

const run = (resource: string, operation: string, parameters: IDataObject, items?: IDataObject[]) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource, operation, ...parameters }, items });

async function direct(method: string, path: string, body?: unknown): Promise<IDataObject> {
	const response = await fetch(`${ctx.sandbox.url}${path}`, {
		method,
		headers: { api_key: ctx.sandbox.apiKey, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

const ids = (items: Array<{ json: IDataObject }>) => items.map((i) => String(i.json.id ?? i.json.tableId));

describe.each([
	['clamped to 50 (as Lusha)', 50],
	['not clamped', null],
])('Return All gets every record exactly once, %s', (_label, clamp) => {
	beforeEach(() => ctx.sandbox.configure({ pageSizeClamp: clamp }));

	it.each(['contact', 'company'])('%s → Prospect with Results per Page 100', async (resource) => {
		const total = (await direct('POST', `/v3/${resource === 'contact' ? 'contacts' : 'companies'}/prospecting`, { pagination: { page: 0, size: 10 }, filters: resource === 'company' ? { companies: { include: {} } } : {} })).pagination as IDataObject;
		ctx.sandbox.reset();
		ctx.sandbox.configure({ pageSizeClamp: clamp });
		const result = await run(resource, 'prospect', { returnAll: true, size: 100 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(Number(total.total));
		expect(new Set(ids(result.items)).size).toBe(Number(total.total));
	});

	it('Contact → Find Buying Group', async () => {
		ctx.sandbox.configure({ buyingGroupExtraContacts: 60 });
		const domains = ctx.sandbox.fixtures.companies.slice(0, 3).map((c: { domain: string }) => ({ domain: c.domain }));
		const result = await run('contact', 'findBuyingGroup', { buyingGroupIdentifyBy: 'domain', buyingGroupDomain: '={{ $json.domain }}', contactsLimit: 60 }, domains);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(180);
		expect(new Set(ids(result.items)).size).toBe(180);
	});

	it('Company → Get Website Visits', async () => {
		// Fewer than 50 companies visit in the fixtures: a clamp of 10 shows the same rule.
		if (clamp !== null) ctx.sandbox.configure({ pageSizeClamp: 10 });
		const window = { domains: ['acmelabs.example'], startDate: '2026-01-01', endDate: '2026-03-31' };
		const total = Number(((await direct('POST', '/v3/companies/website-visits', { ...window, pagination: { page: 0, size: 1 } })).pagination as IDataObject).total);
		expect(total).toBeGreaterThan(10);
		const result = await run('company', 'getWebsiteVisits', { visitDomains: 'acmelabs.example', visitStartDate: window.startDate, visitEndDate: window.endDate, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(total);
		expect(new Set(ids(result.items)).size).toBe(total);
	});

	it('Table → Get Many and Get Entities', async () => {
		ctx.sandbox.configure({ rateLimitPerSecond: 0 });
		let tableId = '';
		for (let i = 0; i < 130; i++) {
			const created = await direct('POST', '/v3/contacts/tables', { name: `Seeded ${String(i).padStart(3, '0')}`, owner: { email: OWNER } });
			tableId ||= String((created.data as IDataObject).tableId);
		}
		const people = ctx.sandbox.fixtures.people.slice(0, 120).map((p: { personId: number }) => ctx.sandbox.v3.contactId(p) as string);
		await direct('POST', `/v3/contacts/tables/${tableId}/entities`, { entityIds: people, owner: { email: OWNER } });
		ctx.sandbox.configure({ rateLimitPerSecond: 25 });

		const tables = await run('table', 'getMany', { tableType: 'contacts', ownerEmail: OWNER, returnAll: true });
		expect(tables.error).toBeUndefined();
		expect(new Set(ids(tables.items)).size).toBe(130);
		expect(tables.items).toHaveLength(130);

		const rows = await run('table', 'getEntities', { tableType: 'contacts', ownerEmail: OWNER, tableId: { __rl: true, mode: 'id', value: tableId }, returnAll: true });
		expect(rows.error).toBeUndefined();
		expect(rows.items).toHaveLength(120);
		expect(new Set(ids(rows.items)).size).toBe(120);
	});
});
