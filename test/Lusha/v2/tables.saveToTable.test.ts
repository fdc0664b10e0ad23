import type { IDataObject } from 'n8n-workflow';

import { loadOptionsContext, lushaVersion, runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const OWNER = 'user@example.com';

type Kind = 'contacts' | 'companies';

async function createTable(name: string, kind: Kind): Promise<string> {
	const created = await runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'table', operation: 'create', tableType: kind, ownerEmail: OWNER, name } });
	expect(created.error).toBeUndefined();
	return String(created.items[0].json.tableId);
}

const saveTo = (tableId: string) => ({ saveToTable: true, saveTableId: { __rl: true, mode: 'id', value: tableId } });
const run = (resource: 'contact' | 'company', operation: string, parameters: IDataObject, items: IDataObject[] = [{}]) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource, operation, ...parameters }, items });
const tableRows = (tableId: string): string[] => (ctx.sandbox.v3.tables() as Array<{ tableId: string; entityIds: string[] }>).find((t) => t.tableId === tableId)?.entityIds ?? [];
const bodies = (key: string) => ctx.sandbox.requestsTo(key).map((r: { body: IDataObject }) => r.body);

const contactIds = (n: number): string[] => ctx.sandbox.fixtures.people.slice(0, n).map((p: unknown) => ctx.sandbox.v3.contactId(p) as string);
const companyIds = (n: number): string[] => ctx.sandbox.fixtures.companies.slice(0, n).map((c: unknown) => ctx.sandbox.v3.companyId(c) as string);

describe('Save to Lusha Table', () => {
	it('Contact → Enrich adds the contacts to the table, and every item keeps Lusha’s tableWrite summary', async () => {
		const tableId = await createTable('Enriched leads', 'contacts');
		const ids = contactIds(3);
		const result = await run('contact', 'enrich', { ids: '={{ $json.id }}', reveal: ['emails'], ...saveTo(tableId) }, ids.map((id) => ({ id })));
		expect(result.error).toBeUndefined();
		expect(bodies('POST /v3/contacts/enrich')[0]).toMatchObject({ ids, tableId });
		for (const item of result.items) expect(item.json.tableWrite).toMatchObject({ tableId, added: 3, alreadyPresent: 0 });
		expect(tableRows(tableId)).toEqual(ids);
	});

	it('sends no tableId while the option is off', async () => {
		await run('contact', 'enrich', { ids: contactIds(1)[0], reveal: ['emails'] });
		expect(bodies('POST /v3/contacts/enrich')[0].tableId).toBeUndefined();
	});

	it('Company → Enrich says which companies were already in the table', async () => {
		const tableId = await createTable('Accounts', 'companies');
		const ids = companyIds(2);
		await run('company', 'enrich', { ids: ids[0], ...saveTo(tableId) });
		const again = await run('company', 'enrich', { ids: ids.join(','), ...saveTo(tableId) });
		expect(again.items[0].json.tableWrite).toMatchObject({ tableId, added: 1, alreadyPresent: 1 });
		expect(tableRows(tableId)).toEqual(ids);
	});

	it('Company → Prospect saves every page’s results, each item with its page’s summary', async () => {
		const tableId = await createTable('Prospects', 'companies');
		const result = await run('company', 'prospect', { returnAll: true, size: 10, companyFilters: { locations: { values: [{ value: { __rl: true, mode: 'name', value: 'Germany' } }] } }, ...saveTo(tableId) });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(bodies('POST /v3/companies/prospecting').every((b: IDataObject) => b.tableId === tableId)).toBe(true);
		expect(result.items.every((i) => (i.json.tableWrite as IDataObject).tableId === tableId)).toBe(true);
		expect(new Set(tableRows(tableId))).toEqual(new Set(result.items.map((i) => i.json.id)));
	});

	it('Contact → Get Signals fills the table’s Signals column, which Lusha creates on first use', async () => {
		const tableId = await createTable('Signals watch', 'contacts');
		const result = await run('contact', 'getSignals', { ids: contactIds(2).join(','), signalTypes: ['allSignals'], ...saveTo(tableId) });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.tableWrite).toMatchObject({ tableId, added: 2, columnsCreated: 1 });
		const columns = await runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'table', operation: 'getColumns', tableType: 'contacts', ownerEmail: OWNER, tableId: { __rl: true, mode: 'id', value: tableId } } });
		expect(columns.items.map((i) => i.json.columnId)).toContain('col_signals');
	});

	it('Company → Find Lookalikes saves the lookalikes', async () => {
		const tableId = await createTable('Lookalikes', 'companies');
		const seeds = (ctx.sandbox.fixtures.companies as Array<{ domain: string }>).slice(0, 5).map((c) => c.domain);
		const result = await run('company', 'findLookalikes', { seedDomains: seeds.join(', '), limit: 5, ...saveTo(tableId) });
		expect(result.error).toBeUndefined();
		expect(bodies('POST /v3/companies/lookalike')[0].tableId).toBe(tableId);
		expect(result.items[0].json.tableWrite).toMatchObject({ tableId, added: result.items.length });
	});

	it('keeps the operation’s results when the write fails, with Lusha’s reason in tableWrite', async () => {
		const result = await run('contact', 'enrich', { ids: contactIds(1)[0], reveal: ['emails'], ...saveTo('999999') });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ found: true, tableWrite: { tableId: '999999', added: 0, error: { code: 'TABLE_NOT_FOUND' } } });
	});

	it('refuses a table that maps to nothing, before any call', async () => {
		const result = await run('contact', 'enrich', { ids: contactIds(1)[0], reveal: ['emails'], saveToTable: true, saveTableId: { __rl: true, mode: 'id', value: '={{ $json.tableId }}' } });
		expect(result.error?.message).toBe('Table is empty (item 0)');
		expect(ctx.sandbox.count('POST /v3/contacts/enrich')).toBe(0);
	});

	it('lists the tables of the operation’s kind in the picker, with the email given next to it', async () => {
		await createTable('People table', 'contacts');
		await createTable('Company table', 'companies');
		const search = lushaVersion(2).methods!.listSearch!.searchTables;
		const forContacts = await search.call(loadOptionsContext(ctx.credential, { resource: 'contact', operation: 'enrich', saveToTable: true, tableOwnerEmail: OWNER }, 'parameters.saveTableId', 2));
		expect(forContacts.results.map((r) => r.name)).toEqual(['People table']);
		const forCompanies = await search.call(loadOptionsContext(ctx.credential, { resource: 'company', operation: 'prospect', saveToTable: true, tableOwnerEmail: OWNER }, 'parameters.saveTableId', 2));
		expect(forCompanies.results.map((r) => r.name)).toEqual(['Company table']);
	});
});
