/** V3 Tables: the 11 operations for contacts and companies, in-memory state, errors, limits, tableWrite. */
import { useV3, type Reply } from '../../helpers/apiV3Client';

const v3 = useV3();
const owner = { email: 'user@example.com' };
const q = '?email=user@example.com';
const id = (personId: number) => v3.sandbox.v3.contactId(personId);

function expectTableError(reply: Reply, status: number, name: string) {
	expect(reply.status).toBe(status);
	expect(reply.body).toMatchObject({ code: status, error: name, message: expect.stringMatching(new RegExp(`^${name}: `)) });
	expect(reply.body).not.toHaveProperty('statusCode');
}

async function createTable(kind: 'contacts' | 'companies', name: string, extra: Record<string, unknown> = {}) {
	const reply = await v3.post(`/v3/${kind}/tables`, { name, owner, ...extra });
	expect(reply.status).toBe(201);
	return reply.body.data.tableId as string;
}

describe('contacts tables', () => {
	it('create → add → list → get → run column → read → remove → delete', async () => {
		const created = await v3.post('/v3/contacts/tables', { name: 'VP Sales US', visibility: 'private', owner, ids: [id(1000000)] });
		expect(created.status).toBe(201);
		expect(created.body.data).toMatchObject({ name: 'VP Sales US', entityType: 'contacts', visibility: 'private', status: 'active', owner: { id: expect.any(Number), email: 'user@example.com' }, createdBy: { surface: 'api' }, entityCount: 1, isProcessing: false });
		expect(created.body.billing).toEqual({ creditsCharged: 0, resultsReturned: 1 });
		const tableId = created.body.data.tableId;
		const base = `/v3/contacts/tables/${tableId}`;

		const added = await v3.post(`${base}/entities`, { entityIds: [id(1000001), '1000002', id(1000000), '99999999'], owner });
		expect(added.status).toBe(200);
		expect(added.body.data).toEqual({ added: 2, alreadyPresent: 1, invalidIds: ['99999999'], addedBy: { surface: 'api' } });
		expect(added.body.billing.creditsCharged).toBe(0);

		const listed = await v3.post('/v3/contacts/tables/list', { owner });
		expect(listed.body.data.map((t: any) => t.tableId)).toEqual([tableId]);
		expect(listed.body.pagination).toEqual({ page: 0, size: 100, total: 1 });

		const got = await v3.get(`${base}${q}`);
		expect(got.body.data.entityCount).toBe(3);
		const columns = await v3.get(`${base}/columns${q}`);
		expect(columns.body.data.map((c: any) => c.columnId)).toEqual(['col_full_name', 'col_job_title', 'col_company_name', 'col_work_email', 'col_phone', 'col_signal_score']);
		expect(columns.body.data[3]).toMatchObject({ name: 'Work email', type: 'lusha', isDefault: false, rowsNotRun: 3, rowsSuccess: 0 });

		const run = await v3.post(`${base}/columns/col_work_email/run`, { runScope: 'all', owner });
		expect(run.status).toBe(200);
		expect(run.body.data).toEqual({ columnId: 'col_work_email', runScope: 'all', status: 'processing' });
		expect(run.body.billing).toEqual({ creditsCharged: 3, resultsReturned: 3 });
		const after = await v3.get(`${base}${q}`);
		expect(after.body.data.isProcessing).toBe(false);
		expect(after.body.data.columns.find((c: any) => c.columnId === 'col_work_email')).toMatchObject({ rowsSuccess: 3, rowsNotRun: 0 });
		const missing = await v3.post(`${base}/columns/col_work_email/run`, { runScope: 'missing', owner });
		expect(missing.body.billing.creditsCharged).toBe(0);

		const rows = await v3.get(`${base}/entities${q}&page=0&size=2`);
		expect(rows.body.data).toHaveLength(2);
		expect(rows.body.data[0].id).toBe(id(1000000));
		expect(rows.body.data[0].columns.find((c: any) => c.id === 'col_work_email')).toMatchObject({ value: v3.sandbox.fixtures.people[0].emailAddresses[0].email, status: 'success' });
		expect(rows.body.pagination).toEqual({ page: 0, size: 2, total: 3 });
		expect(rows.body.billing).toEqual({ creditsCharged: 2, resultsReturned: 2 });

		const removed = await v3.call('DELETE', `${base}/entities`, { entityIds: [id(1000002), '1000150'], owner });
		expect(removed.body.data).toEqual({ removed: 1, invalidIds: ['1000150'] });

		expectTableError(await v3.call('DELETE', `${base}/columns/col_full_name${q}`), 400, 'DEFAULT_COLUMN');
		expectTableError(await v3.call('DELETE', `${base}/columns/col_nope${q}`), 404, 'COLUMN_NOT_FOUND');
		expectTableError(await v3.post(`${base}/columns/col_nope/run`, { runScope: 'all', owner }), 404, 'COLUMN_NOT_FOUND');
		const dropped = await v3.call('DELETE', `${base}/columns/col_work_email${q}`);
		expect(dropped.body).toMatchObject({ tableId, columnId: 'col_work_email', removed: true });

		const deleted = await v3.call('DELETE', `${base}${q}`);
		expect(deleted.body).toMatchObject({ tableId, status: 'deleted' });
		expectTableError(await v3.get(`${base}${q}`), 404, 'TABLE_NOT_FOUND');
	});

	it('renames, archives, shares; keeps private tables private', async () => {
		const tableId = await createTable('contacts', 'Mine');
		const base = `/v3/contacts/tables/${tableId}`;
		expectTableError(await v3.get(`${base}?email=teammate@example.com`), 404, 'TABLE_NOT_FOUND');
		const renamed = await v3.call('PATCH', base, { name: 'Renamed', archived: true, owner });
		expect(renamed.body.data).toMatchObject({ name: 'Renamed', status: 'archived' });
		expect((await v3.post('/v3/contacts/tables/list', { owner })).body.data).toEqual([]);
		expect((await v3.post('/v3/contacts/tables/list', { owner, status: 'archived' })).body.data).toHaveLength(1);
		await v3.call('PATCH', base, { visibility: 'shared', owner });
		expect((await v3.get(`${base}?email=teammate@example.com`)).status).toBe(200);
		// A contacts table is not a companies table.
		expectTableError(await v3.get(`/v3/companies/tables/${tableId}${q}`), 404, 'TABLE_NOT_FOUND');
	});

	it('answers errors in the Tables shape: conflicts, owner, validation', async () => {
		await createTable('contacts', 'Dup');
		expectTableError(await v3.post('/v3/contacts/tables', { name: 'dup', owner }), 409, 'TABLE_NAME_CONFLICT');
		const other = await createTable('contacts', 'Other');
		expectTableError(await v3.call('PATCH', `/v3/contacts/tables/${other}`, { name: 'Dup', owner }), 409, 'TABLE_NAME_CONFLICT');
		const noOwner = await v3.post('/v3/contacts/tables', { name: 'x' });
		expect(noOwner.status).toBe(400);
		expect(noOwner.body).toMatchObject({ code: 400, errors: ['owner is required'] });
		expect((await v3.post('/v3/contacts/tables', { name: 'x', owner: { email: 'stranger@example.org' } })).body.code).toBe(400);
		expect((await v3.get(`/v3/contacts/tables/${other}`)).body).toMatchObject({ code: 400, message: expect.stringContaining('email query parameter is required') });
		expect((await v3.post('/v3/contacts/tables', { name: 'x', owner, color: 'red' })).body).toMatchObject({ code: 400, errors: ['property color should not exist'] });
		expectTableError(await v3.post('/v3/contacts/tables/482000/entities', { entityIds: ['1000000'], owner }), 404, 'TABLE_NOT_FOUND');
	});

	it('takes at most 500 ids per add/remove call and rejects ids that are neither tokens nor numeric', async () => {
		const tableId = await createTable('contacts', 'Big');
		const ids = Array.from({ length: 501 }, (_, i) => String(1000000 + (i % 200)));
		const tooMany = await v3.post(`/v3/contacts/tables/${tableId}/entities`, { entityIds: ids, owner });
		expect(tooMany.body).toMatchObject({ code: 400, errors: ['entityIds must contain no more than 500 elements'] });
		expect((await v3.post(`/v3/contacts/tables/${tableId}/entities`, { entityIds: ids.slice(0, 500), owner })).body.data).toMatchObject({ added: 200, alreadyPresent: 300 });
		expect((await v3.call('DELETE', `/v3/contacts/tables/${tableId}/entities`, { entityIds: ids, owner })).body.code).toBe(400);
		const bad = await v3.post(`/v3/contacts/tables/${tableId}/entities`, { entityIds: ['hello'], owner });
		expect(bad.body).toMatchObject({ code: 400, errors: ['entityIds.0 must be an encrypted Lusha id (vN.…) or a numeric id'] });
	});

	it('enforces the entities-per-table and tables-per-account limits (configurable)', async () => {
		v3.sandbox.configure({ tablesMaxEntities: 3, tablesMaxPerAccount: 2 });
		const tableId = await createTable('contacts', 'Small');
		expect((await v3.post(`/v3/contacts/tables/${tableId}/entities`, { entityIds: ['1000000', '1000001', '1000002'], owner })).status).toBe(200);
		expectTableError(await v3.post(`/v3/contacts/tables/${tableId}/entities`, { entityIds: ['1000003'], owner }), 403, 'TABLE_ENTITY_LIMIT_REACHED');
		await createTable('companies', 'Second');
		expectTableError(await v3.post('/v3/contacts/tables', { name: 'Third', owner }), 403, 'TABLE_LIMIT_REACHED');
		// A tableId write past the limit does not fail the primary response.
		const enrich = await v3.post('/v3/contacts/enrich', { ids: ['1000010'], reveal: ['emails'], tableId });
		expect(enrich.status).toBe(200);
		expect(enrich.body.tableWrite.error.code).toBe('TABLE_ENTITY_LIMIT_REACHED');
	});

	it('receives rows from enrich and signals through tableId, creating the Signals column once', async () => {
		const tableId = await createTable('contacts', 'Feed');
		const enrich = await v3.post('/v3/contacts/enrich', { ids: ['1000000', '1000001'], reveal: ['emails'], tableId });
		expect(enrich.body.tableWrite).toEqual({ tableId, added: 2, alreadyPresent: 0, columnsCreated: 0, rowsProcessed: 2, rowsCharged: 2, rowsAlreadyPaidInTable: 0, creditsCharged: 0 });
		const signals = await v3.post('/v3/contacts/signals', { ids: ['1000000', '1000003'], signalTypes: ['allSignals'], tableId });
		expect(signals.body.tableWrite).toMatchObject({ added: 1, alreadyPresent: 1, columnsCreated: 1 });
		expect((await v3.post('/v3/contacts/signals', { ids: ['1000000'], signalTypes: ['allSignals'], tableId })).body.tableWrite.columnsCreated).toBe(0);
		const columns = await v3.get(`/v3/contacts/tables/${tableId}/columns${q}`);
		expect(columns.body.data.map((c: any) => c.columnId)).toContain('col_signals');
		const lookalike = await v3.post('/v3/contacts/lookalike', { seeds: { contactIds: [1000000] }, limit: 3, tableId });
		expect(lookalike.body.tableWrite.added).toBe(3);
		const unknown = await v3.post('/v3/contacts/enrich', { ids: ['1000000'], tableId: '1' });
		expect(unknown.status).toBe(200);
		expect(unknown.body.tableWrite.error.code).toBe('TABLE_NOT_FOUND');
	});
});

describe('companies tables', () => {
	it('charges reveal_company once per newly added company, and runs company enrichment once per table', async () => {
		const tableId = await createTable('companies', 'Accounts', { ids: [v3.sandbox.v3.companyId(5000)] });
		const base = `/v3/companies/tables/${tableId}`;
		const added = await v3.post(`${base}/entities`, { entityIds: ['5000', '5001', v3.sandbox.v3.companyId(5002), '5002'], owner });
		expect(added.body.data).toMatchObject({ added: 2, alreadyPresent: 2, invalidIds: [] });
		expect(added.body.billing.creditsCharged).toBe(2);
		const run = await v3.post(`${base}/columns/col_company_enrichment/run`, { runScope: 'all', owner });
		// 5001 and 5002 were paid when added; 5000 came with create (free) and is charged once now.
		expect(run.body.billing.creditsCharged).toBe(1);
		expect((await v3.post(`${base}/columns/col_company_enrichment/run`, { runScope: 'all', owner })).body.billing.creditsCharged).toBe(0);
		const specific = await v3.post(`${base}/columns/col_signal_score/run`, { runScope: 'specific', entityIds: ['5000'], owner });
		expect(specific.body.billing).toEqual({ creditsCharged: 1, resultsReturned: 1 });
		expect((await v3.post(`${base}/columns/col_signal_score/run`, { runScope: 'specific', owner })).body.code).toBe(400);
	});

	it('receives prospecting results through tableId and charges reveal_company for new rows', async () => {
		const tableId = await createTable('companies', 'ICP');
		const reply = await v3.post('/v3/companies/prospecting', { pagination: { page: 0, size: 10 }, filters: { companies: { include: { locations: [{ country: 'Germany' }] } } }, tableId });
		expect(reply.body.tableWrite).toEqual({ tableId, added: 10, alreadyPresent: 0, columnsCreated: 0, rowsProcessed: 10, rowsCharged: 10, rowsAlreadyPaidInTable: 0, creditsCharged: 10 });
		expect(reply.body.billing.creditsCharged).toBe(1 + 10);
		const again = await v3.post('/v3/companies/prospecting', { pagination: { page: 0, size: 10 }, filters: { companies: { include: { locations: [{ country: 'Germany' }] } } }, tableId });
		expect(again.body.tableWrite).toMatchObject({ added: 0, alreadyPresent: 10, rowsAlreadyPaidInTable: 10, rowsCharged: 0, creditsCharged: 0 });
	});
});
