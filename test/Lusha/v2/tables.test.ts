import type { IDataObject } from 'n8n-workflow';

import { loadOptionsContext, lushaVersion, runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const OWNER = 'user@example.com';

type TableType = 'contacts' | 'companies';

const table = (operation: string, parameters: IDataObject = {}, extra: { items?: IDataObject[]; continueOnFail?: boolean; tableType?: TableType } = {}) =>
	runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: { resource: 'table', operation, tableType: extra.tableType ?? 'contacts', ownerEmail: OWNER, ...parameters },
		items: extra.items,
		continueOnFail: extra.continueOnFail,
	});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

const contactIds = (count: number, from = 0): string[] => ctx.sandbox.fixtures.people.slice(from, from + count).map((p: { personId: number }) => ctx.sandbox.v3.contactId(p) as string);

async function createTable(name: string, tableType: TableType = 'contacts', visibility = 'private'): Promise<string> {
	const created = await table('create', { name, visibility }, { tableType });
	expect(created.error).toBeUndefined();
	return String(created.items[0].json.tableId);
}

/** Many tables at once, straight at the sandbox (the node is not under test here). */
async function seedTables(count: number, prefix: string) {
	ctx.sandbox.configure({ rateLimitPerSecond: 0 });
	for (let i = 0; i < count; i++) {
		const response = await fetch(`${ctx.sandbox.url}/v3/contacts/tables`, {
			method: 'POST',
			headers: { api_key: ctx.sandbox.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ name: `${prefix} ${String(i).padStart(3, '0')}`, owner: { email: OWNER } }),
		});
		expect(response.status).toBe(201);
	}
	ctx.sandbox.configure({ rateLimitPerSecond: 25 });
}

describe('Table: a whole working session', () => {
	it('creates a contacts table, adds contacts, reads them, runs a column, and deletes the table', async () => {
		const tableId = await createTable('Hot accounts — week 23');

		const ids = contactIds(3);
		const added = await table('addEntities', { tableId: byId(tableId), entityIds: '={{ $json.id }}' }, { items: ids.map((id) => ({ id })) });
		expect(added.error).toBeUndefined();
		expect(added.items.map((i) => i.json)).toEqual(ids.map((id) => ({ tableId, id, status: 'inTable' })));
		expect(added.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

		const rows = await table('getEntities', { tableId: byId(tableId), returnAll: true });
		expect(rows.items.map((i) => i.json.id)).toEqual(ids);
		expect(rows.items[0].json).toMatchObject({ fullName: ctx.sandbox.fixtures.people[0].fullName, signalScore: null });

		const run = await table('runColumn', { tableId: byId(tableId), columnId: byId('col_signal_score'), runScope: 'missing', options: { waitUntilDone: true } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ tableId, columnId: 'col_signal_score', runScope: 'missing', status: 'done', creditsCharged: 3 });
		expect(run.items[0].json.column).toMatchObject({ rowsProcessing: 0, rowsNotRun: 0 });

		const after = await table('getEntities', { tableId: byId(tableId), returnAll: true });
		expect(after.items.every((i) => typeof i.json.signalScore === 'number')).toBe(true);

		const columns = await table('getColumns', { tableId: byId(tableId) });
		expect(columns.items.map((i) => i.json.columnId)).toContain('col_signal_score');

		const deleted = await table('delete', { tableId: byId(tableId) });
		expect(deleted.items[0].json).toMatchObject({ tableId, status: 'deleted' });
		expect(ctx.sandbox.v3.tables()).toEqual([]);
	});

	it('works the same on companies tables, at the companies paths', async () => {
		const tableId = await createTable('Target accounts', 'companies');
		const companyId = ctx.sandbox.v3.companyId(ctx.sandbox.fixtures.companies[0]);
		const added = await table('addEntities', { tableId: byId(tableId), entityIds: companyId }, { tableType: 'companies' });
		expect(added.items[0].json).toEqual({ tableId, id: companyId, status: 'inTable' });
		const got = await table('get', { tableId: byId(tableId) }, { tableType: 'companies' });
		expect(got.items[0].json).toMatchObject({ tableId, entityType: 'companies', entityCount: 1 });
		expect(ctx.sandbox.count('POST /v3/companies/tables/:tableId/entities')).toBe(1);
		expect(ctx.sandbox.count('POST /v3/contacts/tables/:tableId/entities')).toBe(0);
	});

	it('sends the acting user as owner.email in bodies and as ?email= on reads and deletes', async () => {
		const tableId = await createTable('Owner check');
		await table('get', { tableId: byId(tableId) });
		await table('delete', { tableId: byId(tableId) });
		expect(ctx.sandbox.requestsTo('POST /v3/contacts/tables')[0].body.owner).toEqual({ email: OWNER });
		expect(ctx.sandbox.requestsTo('GET /v3/contacts/tables/:tableId')[0].query).toEqual({ email: OWNER });
		expect(ctx.sandbox.requestsTo('DELETE /v3/contacts/tables/:tableId')[0].query).toEqual({ email: OWNER });
	});
});

describe('Table: adding and removing many entities', () => {
	it('adds 1,200 IDs in 3 calls of at most 500, one output item per ID, paired with its item', async () => {
		const tableId = await createTable('Big list');
		const ids = [...contactIds(200), ...Array.from({ length: 1000 }, (_, i) => String(900000 + i))];
		const added = await table('addEntities', { tableId: byId(tableId) }, { items: ids.map((id) => ({ id })) });
		expect(added.error).toBeUndefined();
		const calls = ctx.sandbox.requestsTo('POST /v3/contacts/tables/:tableId/entities');
		expect(calls.map((c: { body: { entityIds: string[] } }) => c.body.entityIds.length)).toEqual([500, 500, 200]);
		expect(added.items).toHaveLength(1200);
		expect(added.items[250].pairedItem).toEqual({ item: 250 });
		// The 200 fixture people resolve; the 1,000 made-up numeric IDs are Lusha's invalidIds, reported, not failed.
		expect(added.items.filter((i) => i.json.status === 'inTable')).toHaveLength(200);
		expect(added.items[1100].json).toEqual({ tableId, id: ids[1100], status: 'invalid' });
		expect(ctx.sandbox.v3.tables()[0].entityCount).toBe(200);
	});

	it('removes IDs in calls of at most 500 and says which were not in the table', async () => {
		const ids = contactIds(4);
		const tableId = await createTable('To trim');
		await table('addEntities', { tableId: byId(tableId), entityIds: ids.slice(0, 3).join(', ') });
		const removed = await table('removeEntities', { tableId: byId(tableId), entityIds: '={{ $json.id }}' }, { items: [{ id: ids[0] }, { id: ids[3] }] });
		expect(removed.items.map((i) => i.json)).toEqual([
			{ tableId, id: ids[0], status: 'removed' },
			{ tableId, id: ids[3], status: 'invalid' },
		]);
		expect(ctx.sandbox.count('DELETE /v3/contacts/tables/:tableId/entities')).toBe(1);
		expect(ctx.sandbox.v3.tables()[0].entityCount).toBe(2);
	});

	it('sends each contact’s company as companyIds, aligned with entityIds', async () => {
		const tableId = await createTable('With companies');
		const people = ctx.sandbox.fixtures.people.slice(0, 2);
		const items = people.map((p: { personId: number; companyId: number }) => ({ id: ctx.sandbox.v3.contactId(p), company: { id: ctx.sandbox.v3.companyId(p.companyId) } }));
		await table('addEntities', { tableId: byId(tableId), options: { companyId: '={{ $json.company.id }}' } }, { items });
		const body = ctx.sandbox.requestsTo('POST /v3/contacts/tables/:tableId/entities')[0].body;
		expect(body).toMatchObject({ entityIds: items.map((i: IDataObject) => i.id), companyIds: items.map((i: { company: { id: string } }) => i.company.id) });
	});

	it('refuses an item with a malformed ID before any call, and with Continue On Fail adds the others', async () => {
		const tableId = await createTable('Typos');
		const ids = contactIds(2);
		const failed = await table('addEntities', { tableId: byId(tableId) }, { items: [{ id: ids[0] }, { id: 'not-an-id' }, { id: ids[1] }] });
		expect(failed.error?.message).toBe('Entity IDs holds "not-an-id", which is not a Lusha ID (item 1)');
		expect(ctx.sandbox.count('POST /v3/contacts/tables/:tableId/entities')).toBe(0);

		const partial = await table('addEntities', { tableId: byId(tableId) }, { items: [{ id: ids[0] }, { id: 'not-an-id' }, { id: ids[1] }], continueOnFail: true });
		expect(partial.items.map((i) => [i.pairedItem, i.json.status ?? i.json.error])).toEqual([
			[{ item: 0 }, 'inTable'],
			[{ item: 1 }, 'Entity IDs holds "not-an-id", which is not a Lusha ID (item 1)'],
			[{ item: 2 }, 'inTable'],
		]);
		expect(ctx.sandbox.count('POST /v3/contacts/tables/:tableId/entities')).toBe(1);
	});
});

describe('Table: listing, reading and updating', () => {
	it('lists every table over pages of 100 with Return All, and only the limit otherwise', async () => {
		await seedTables(130, 'Seeded');
		const all = await table('getMany', { returnAll: true });
		expect(all.items).toHaveLength(130);
		expect(ctx.sandbox.requestsTo('POST /v3/contacts/tables/list').map((r: { body: IDataObject }) => r.body.page)).toEqual([0, 1]);

		const some = await table('getMany', { limit: 5 });
		expect(some.items).toHaveLength(5);
		expect(some.items[0].json).toMatchObject({ name: 'Seeded 000', entityType: 'contacts', visibility: 'private', status: 'active' });
	});

	it('filters the list by name and by status', async () => {
		const keep = await createTable('Q3 EMEA');
		await createTable('Q3 US');
		await createTable('Other');
		await table('update', { tableId: byId(keep), updateFields: { archived: true } });

		const named = await table('getMany', { returnAll: true, filters: { name: 'q3' } });
		expect(named.items.map((i) => i.json.name)).toEqual(['Q3 US']);
		const archived = await table('getMany', { returnAll: true, filters: { status: 'archived' } });
		expect(archived.items.map((i) => i.json.name)).toEqual(['Q3 EMEA']);
		expect(ctx.sandbox.requestsTo('POST /v3/contacts/tables/list')[0].body).toEqual({ owner: { email: OWNER }, page: 0, size: 100, name: 'q3' });
	});

	it('renames, shares and hands a table to another owner, sending only what changes', async () => {
		const tableId = await createTable('Draft');
		const updated = await table('update', { tableId: byId(tableId), updateFields: { name: 'Final', visibility: 'shared' } });
		expect(updated.items[0].json).toMatchObject({ tableId, name: 'Final', visibility: 'shared', owner: { email: OWNER } });
		expect(ctx.sandbox.requestsTo('PATCH /v3/contacts/tables/:tableId')[0].body).toEqual({ name: 'Final', visibility: 'shared', owner: { email: OWNER } });

		const handed = await table('update', { tableId: byId(tableId), updateFields: { newOwnerEmail: 'teammate@example.com' } });
		expect(handed.items[0].json).toMatchObject({ owner: { email: 'teammate@example.com' } });
	});

	it('refuses an update with nothing to change, before any call', async () => {
		const result = await table('update', { tableId: byId('482910'), updateFields: {} });
		expect(result.error?.message).toBe('Update Fields is empty (item 0)');
		expect(ctx.sandbox.count('PATCH /v3/contacts/tables/:tableId')).toBe(0);
	});

	it('reads only as many rows as asked for, since Lusha charges per row', async () => {
		const tableId = await createTable('Paid reads');
		await table('addEntities', { tableId: byId(tableId), entityIds: contactIds(160).join(',') });
		const before = ctx.sandbox.v3.balance();
		const rows = await table('getEntities', { tableId: byId(tableId), limit: 150, simplify: false });
		expect(rows.items).toHaveLength(150);
		expect(ctx.sandbox.requestsTo('GET /v3/contacts/tables/:tableId/entities').map((r: { query: IDataObject }) => r.query)).toEqual([
			{ email: OWNER, page: '0', size: '75' },
			{ email: OWNER, page: '1', size: '75' },
		]);
		expect(before - ctx.sandbox.v3.balance()).toBe(150);
		expect(rows.items[0].json.columns).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'fullName', status: 'success' })]));
	});

	it('runs a column for specific rows only', async () => {
		const ids = contactIds(3);
		const tableId = await createTable('Some rows');
		await table('addEntities', { tableId: byId(tableId), entityIds: ids.join(',') });
		const run = await table('runColumn', { tableId: byId(tableId), columnId: byId('col_work_email'), runScope: 'specific', entityIds: ids[1] });
		expect(run.items[0].json).toMatchObject({ columnId: 'col_work_email', runScope: 'specific', status: 'processing' });
		expect(ctx.sandbox.requestsTo('POST /v3/contacts/tables/:tableId/columns/:columnId/run')[0].body).toEqual({ runScope: 'specific', entityIds: [ids[1]], owner: { email: OWNER } });
	});

	it('deletes a column, and says default columns cannot be deleted', async () => {
		const tableId = await createTable('Columns');
		const deleted = await table('deleteColumn', { tableId: byId(tableId), columnId: byId('col_phone') });
		expect(deleted.items[0].json).toMatchObject({ tableId, columnId: 'col_phone', removed: true });
		const refused = await table('deleteColumn', { tableId: byId(tableId), columnId: byId('col_full_name') });
		expect(refused.error?.description).toMatch(/Default Lusha columns cannot be removed/);
	});
});

describe('Table: errors a builder can act on', () => {
	it('says a name is taken, and how to find the existing table', async () => {
		await createTable('Weekly');
		const again = await table('create', { name: 'Weekly' });
		expect(again.error?.message).toBe('Lusha answered 409: TABLE_NAME_CONFLICT: A table with this name already exists');
		expect(again.error?.description).toMatch(/Pick another name, or find the existing table with Get Many/);
	});

	it('says which table was not found and what to check', async () => {
		const missing = await table('get', { tableId: byId('999999') });
		expect(missing.error?.httpCode).toBe('404');
		expect(missing.error?.description).toBe(
			`Lusha has no contacts table 999999 that ${OWNER} can see. Pick the table from the list, and check Table Type (contacts or companies) and that the table is shared or owned by this Owner Email.`,
		);
	});

	it('tells a missing column from a missing table', async () => {
		const tableId = await createTable('Column check');
		const result = await table('runColumn', { tableId: byId(tableId), columnId: byId('col_nope'), runScope: 'all' });
		expect(result.error?.description).toBe(`The table ${tableId} has no column "col_nope". Run Get Columns to see its column IDs.`);
	});

	it('says when the account has reached 500 tables', async () => {
		ctx.sandbox.configure({ tablesMaxPerAccount: 1 });
		await createTable('First');
		const second = await table('create', { name: 'Second' });
		expect(second.error?.description).toMatch(/at most 500 tables per account/);
	});

	it('says when a table would pass 50,000 rows', async () => {
		ctx.sandbox.configure({ tablesMaxEntities: 2 });
		const tableId = await createTable('Small');
		const result = await table('addEntities', { tableId: byId(tableId), entityIds: contactIds(3).join(',') });
		expect(result.error?.description).toMatch(/at most 50,000 rows per table/);
	});

	it('needs a real Owner Email, and sends nothing without one', async () => {
		const result = await table('getMany', { ownerEmail: 'sales team' });
		expect(result.error?.message).toBe('Owner Email must be an email address, not "sales team" (item 0)');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});

	it('shows a failing item as its own error item under Continue On Fail', async () => {
		const tableId = await createTable('Exists');
		const result = await table('get', { tableId: '={{ { __rl: true, mode: "id", value: $json.id } }}' }, { items: [{ id: tableId }, { id: '424242' }], continueOnFail: true });
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.tableId).toBe(tableId);
		expect(result.items[1]).toMatchObject({ json: { httpCode: '404' }, pairedItem: { item: 1 } });
	});
});

describe('Table pickers', () => {
	it('lists the owner’s tables of the chosen type, searchable by name', async () => {
		await createTable('Alpha');
		await createTable('Beta', 'contacts', 'shared');
		await createTable('Gamma', 'companies');
		const methods = lushaVersion(2).methods!.listSearch!;
		const contacts = await methods.searchTables.call(loadOptionsContext(ctx.credential, { resource: 'table', operation: 'get', tableType: 'contacts', ownerEmail: OWNER }, 'parameters.tableId', 2));
		expect(contacts.results.map((r) => r.name)).toEqual(['Alpha', 'Beta (shared)']);
		expect(contacts.results[0].url).toMatch(/^https:\/\/workspace\.lusha\.com\/tables\//);

		const searched = await methods.searchTables.call(loadOptionsContext(ctx.credential, { resource: 'table', tableType: 'contacts', ownerEmail: OWNER }, 'parameters.tableId', 2), 'bet');
		expect(searched.results.map((r) => r.name)).toEqual(['Beta (shared)']);

		const companies = await methods.searchTables.call(loadOptionsContext(ctx.credential, { resource: 'table', tableType: 'companies', ownerEmail: OWNER }, 'parameters.tableId', 2));
		expect(companies.results.map((r) => r.name)).toEqual(['Gamma']);
	});

	it('asks for the email first when it has none', async () => {
		const methods = lushaVersion(2).methods!.listSearch!;
		await expect(methods.searchTables.call(loadOptionsContext(ctx.credential, { resource: 'table', tableType: 'contacts', ownerEmail: '' }, 'parameters.tableId', 2))).rejects.toThrow(
			'Enter your Lusha email first',
		);
	});

	it('lists the chosen table’s columns', async () => {
		const tableId = await createTable('Picker');
		const methods = lushaVersion(2).methods!.listSearch!;
		const columns = await methods.searchTableColumns.call(
			loadOptionsContext(ctx.credential, { resource: 'table', operation: 'deleteColumn', tableType: 'contacts', ownerEmail: OWNER, tableId: { __rl: true, mode: 'list', value: tableId } }, 'parameters.columnId', 2),
			'score',
		);
		expect(columns.results).toEqual([{ name: 'Signal score (score)', value: 'col_signal_score' }]);
	});

	it('takes a table by its workspace link', async () => {
		const tableId = await createTable('Linked');
		const got = await table('get', { tableId: { __rl: true, mode: 'url', value: `https://workspace.lusha.com/tables/${tableId}` } });
		expect(got.items[0].json.tableId).toBe(tableId);
	});
});
