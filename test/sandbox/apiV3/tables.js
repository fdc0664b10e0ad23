// @ts-check
'use strict';
/**
 * V3 Tables (contacts and companies, 11 operations each), kept in memory until reset.
 *
 * Errors use the Tables shape `{ message: 'TABLE_NOT_FOUND: Table not found', code: 404, error: 'TABLE_NOT_FOUND' }`
 * (spec "Tables-specific error codes"): TABLE_NOT_FOUND 404, COLUMN_NOT_FOUND 404, TABLE_NAME_CONFLICT 409;
 * plus TABLE_LIMIT_REACHED 403 (config.tablesMaxPerAccount, default 500) and TABLE_ENTITY_LIMIT_REACHED 403
 * (config.tablesMaxEntities, default 50,000). `owner.email` (body) or `?email=` (GET/DELETE) is required and must
 * be one of config.tablesUsers. Column runs are "asynchronous": cells are `processing` until
 * config.tablesRunDelayMs (default 0) has passed, then settle on the next read.
 */
const { parseId } = require('./ids');
const { str, int, bool, arr, obj, email, validate, badRequest, queryInt, TableError } = require('./validate');

const DEFAULT_USERS = ['user@example.com', 'owner@example.com', 'teammate@example.com'];
const KINDS = /** @type {const} */ (['contacts', 'companies']);

/** Column definitions. tier: null = free; mode perRowWithData | perRowPerRun | oncePerTable. */
const COLUMN_DEFS = {
	contacts: [
		{ columnId: 'col_full_name', name: 'Full name', type: 'lusha', key: 'fullName', isDefault: true, tier: null },
		{ columnId: 'col_job_title', name: 'Job title', type: 'lusha', key: 'jobTitle', isDefault: true, tier: null },
		{ columnId: 'col_company_name', name: 'Company', type: 'lusha', key: 'companyName', isDefault: true, tier: null },
		{ columnId: 'col_work_email', name: 'Work email', type: 'lusha', key: 'workEmail', isDefault: false, tier: { action: 'revealEmail', mode: 'perRowWithData' } },
		{ columnId: 'col_phone', name: 'Phone', type: 'lusha', key: 'phone', isDefault: false, tier: { action: 'revealPhone', mode: 'perRowWithData' } },
		{ columnId: 'col_signal_score', name: 'Signal score', type: 'score', key: 'signalScore', isDefault: false, tier: { action: 'signal_score_contact_reveal', mode: 'perRowPerRun' } },
	],
	companies: [
		{ columnId: 'col_name', name: 'Company name', type: 'lusha', key: 'name', isDefault: true, tier: null },
		{ columnId: 'col_domain', name: 'Domain', type: 'lusha', key: 'domain', isDefault: true, tier: null },
		{ columnId: 'col_industry', name: 'Industry', type: 'lusha', key: 'industry', isDefault: true, tier: null },
		{ columnId: 'col_company_enrichment', name: 'Company enrichment', type: 'lusha', key: 'firmographics', isDefault: false, tier: { action: 'reveal_company', mode: 'oncePerTable' } },
		{ columnId: 'col_signal_score', name: 'Signal score', type: 'score', key: 'signalScore', isDefault: false, tier: { action: 'signal_score_company_reveal', mode: 'perRowPerRun' } },
	],
};
/** Created on first use by a Signals call with `tableId` (counted in tableWrite.columnsCreated). */
const SIGNALS_COLUMN = {
	contacts: { columnId: 'col_signals', name: 'Signals', type: 'signal', key: 'signals', isDefault: false, tier: { action: 'showSignalsContact', mode: 'perRowPerRun' } },
	companies: { columnId: 'col_signals', name: 'Signals', type: 'signal', key: 'signals', isDefault: false, tier: { action: 'showSignalsCompany', mode: 'perRowPerRun' } },
};

const ownerSchema = obj({ email: email() });

function createTables(ctx) {
	const { sandbox, data, billing } = ctx;
	/** @type {Map<string, any>} */
	const tables = new Map();
	let nextTableId = 482910;

	const users = () => /** @type {string[]} */ (sandbox.config.tablesUsers ?? DEFAULT_USERS);
	const maxTables = () => Number(sandbox.config.tablesMaxPerAccount ?? 500);
	const maxEntities = () => Number(sandbox.config.tablesMaxEntities ?? 50_000);
	const nowIso = () => new Date().toISOString();

	function reset() {
		tables.clear();
		nextTableId = 482910;
	}

	// -------------------------------------------------------------- helpers
	function resolveUser(address, where) {
		if (address === undefined || address === null || address === '') throw badRequest(`${where} is required when authenticating with an API key`);
		const index = users().findIndex((u) => u.toLowerCase() === String(address).toLowerCase());
		if (index < 0) throw badRequest(`${where} does not resolve to a user on this account`);
		const userEmail = users()[index];
		const local = userEmail.split('@')[0];
		return { id: 12345 + index, email: userEmail, name: local[0].toUpperCase() + local.slice(1) };
	}

	/** The table, if it exists, is of this kind and the acting user may see it; else TABLE_NOT_FOUND. */
	function getTable(kind, tableId, user) {
		const table = tables.get(String(tableId));
		if (!table || table.entityType !== kind || (user && table.visibility !== 'shared' && table.owner.email !== user.email)) {
			throw new TableError(404, 'TABLE_NOT_FOUND', 'Table not found');
		}
		settle(table);
		return table;
	}

	function settle(table) {
		const now = Date.now();
		for (const row of table.entities.values()) {
			for (const cell of row.cells.values()) {
				if (cell.status === 'processing' && cell.settleAt <= now) {
					cell.status = cell.final.status;
					cell.value = cell.final.value;
					delete cell.final;
					delete cell.settleAt;
				}
			}
		}
	}

	function entityOf(kind, key) {
		return kind === 'contacts' ? data.personById.get(key) : data.companyById.get(key);
	}

	function tokenOf(kind, key) {
		const entity = entityOf(kind, key);
		return kind === 'contacts' ? data.contactId(entity) : data.companyId(entity);
	}

	/** The value a column holds for an entity once run: { value, status: 'success' | 'no_data' }. */
	function cellFor(kind, column, key) {
		const entity = entityOf(kind, key);
		const ok = (value) => (value === null || value === undefined || (Array.isArray(value) && !value.length) ? { value: null, status: 'no_data' } : { value, status: 'success' });
		if (kind === 'contacts') {
			const restricted = data.isRestricted(entity);
			switch (column.key) {
				case 'fullName':
					return ok(entity.fullName);
				case 'jobTitle':
					return ok(entity.jobTitle.title);
				case 'companyName':
					return ok(data.companyOf(entity).name);
				case 'workEmail':
					return ok(restricted ? null : entity.emailAddresses.find((e) => e.emailType === 'work')?.email);
				case 'phone':
					return ok(restricted ? null : data.lushaPhones(entity)[0]?.number);
				case 'signalScore':
					return ok(data.personNoScore(entity) ? null : ctx.scores.contact(entity).signalScore);
				case 'signals':
					return ok(restricted ? null : ['promotion', 'companyChange'].flatMap((t) => data.contactSignalEvents(entity, t).map((e) => ({ type: t, ...e }))));
				default:
					return ok(null);
			}
		}
		switch (column.key) {
			case 'name':
				return ok(entity.name);
			case 'domain':
				return ok(entity.fqdn);
			case 'industry':
				return ok(data.industryOf(entity).mainIndustry);
			case 'firmographics':
				return ok(data.enrichedCompany(entity));
			case 'signalScore':
				return ok(data.companyNoScore(entity) ? null : ctx.scores.company(entity).signalScore);
			case 'signals': {
				const all = data.companySignalsAll(entity);
				return ok(Object.keys(all).flatMap((t) => all[t].map((e) => ({ type: t, ...e }))));
			}
			default:
				return ok(null);
		}
	}

	function newRow(kind, table, key, companyKey) {
		const row = { key, id: tokenOf(kind, key), companyKey, addedAt: nowIso(), cells: new Map() };
		for (const column of table.columns) row.cells.set(column.columnId, column.isDefault ? { ...cellFor(kind, column, key) } : { value: null, status: 'not_run' });
		return row;
	}

	function newTable(kind, name, visibility, owner) {
		const tableId = String(nextTableId++);
		const at = nowIso();
		return {
			tableId,
			name,
			entityType: kind,
			visibility,
			status: 'active',
			owner,
			createdBy: { surface: 'api', createdByUserId: owner.id },
			workspaceUrl: `https://workspace.lusha.com/tables/${tableId}`,
			entities: new Map(),
			columns: COLUMN_DEFS[kind].map((c) => ({ ...c, addedAt: at, updatedAt: at })),
			paid: new Set(),
		};
	}

	const metadata = (t) => ({ tableId: t.tableId, name: t.name, entityType: t.entityType, visibility: t.visibility, status: t.status, owner: { ...t.owner }, createdBy: { ...t.createdBy }, workspaceUrl: t.workspaceUrl });

	function columnSummary(table, column) {
		const counts = { not_run: 0, processing: 0, success: 0, no_data: 0, failed: 0 };
		for (const row of table.entities.values()) counts[row.cells.get(column.columnId)?.status ?? 'not_run']++;
		const { tier, ...visible } = column;
		return { ...visible, rowsNotRun: counts.not_run, rowsProcessing: counts.processing, rowsSuccess: counts.success, rowsNoData: counts.no_data, rowsFailed: counts.failed };
	}

	function statusData(table) {
		const columns = table.columns.map((c) => columnSummary(table, c));
		return { ...metadata(table), entityCount: table.entities.size, isProcessing: columns.some((c) => c.rowsProcessing > 0), columns };
	}

	const nameTaken = (kind, name, exceptId) => [...tables.values()].some((t) => t.entityType === kind && t.tableId !== exceptId && t.name.toLowerCase() === name.toLowerCase());

	/**
	 * Sorts raw entity ids into keys: throws 400 for ids that are neither a V3 token nor numeric
	 * (spec: "an ID that's neither returns 400"), returns unresolvable ones as `invalid`.
	 */
	function resolveEntityIds(kind, ids, path) {
		const single = kind === 'contacts' ? 'contact' : 'company';
		const malformed = [];
		const keys = [];
		const invalid = [];
		ids.forEach((raw, i) => {
			const parsed = parseId(single, raw);
			if (!parsed.valid) return void malformed.push(`${path}.${i} must be an encrypted Lusha id (vN.…) or a numeric id`);
			if (entityOf(kind, parsed.n)) keys.push({ raw, key: parsed.n });
			else invalid.push(raw);
		});
		if (malformed.length) throw badRequest(malformed);
		return { keys, invalid };
	}

	// -------------------------------------------------------------- table writes from other operations
	/**
	 * Plans writing `keys` (person ids or company ids) to table `tableId` for an operation's `tableId` option.
	 * Returns { tableWrite, credits, commit }: the caller charges `credits` with its own price, then commits.
	 * A failed write never fails the primary response (spec TableWrite): it is reported in tableWrite.error.
	 * @param {'contacts' | 'companies'} kind
	 * @param {{ populate?: string[], paidByOperation?: boolean, companyKeys?: Map<number, number> }} [options]
	 */
	function planWrite(kind, tableId, keys, options = {}) {
		const table = tables.get(String(tableId));
		const failed = (code, message) => ({ tableWrite: { tableId: String(tableId), added: 0, alreadyPresent: 0, columnsCreated: 0, rowsProcessed: 0, rowsCharged: 0, rowsAlreadyPaidInTable: 0, creditsCharged: 0, error: { code, message } }, credits: 0, commit() {} });
		if (!table || table.entityType !== kind) return failed('TABLE_NOT_FOUND', 'Table not found');
		settle(table);
		const unique = [...new Set(keys)];
		const fresh = unique.filter((k) => !table.entities.has(k));
		if (table.entities.size + fresh.length > maxEntities()) return failed('TABLE_ENTITY_LIMIT_REACHED', `A table can hold at most ${maxEntities()} entities`);
		const populate = options.populate ?? [];
		const missingColumns = populate.filter((key) => !table.columns.some((c) => c.key === key));
		const alreadyPaid = kind === 'companies' ? unique.filter((k) => table.paid.has(k)).length : unique.length - fresh.length;
		const rowsCharged = unique.length - alreadyPaid;
		const credits = kind === 'companies' && !options.paidByOperation ? billing.price('reveal_company', rowsCharged) : 0;
		const tableWrite = { tableId: table.tableId, added: fresh.length, alreadyPresent: unique.length - fresh.length, columnsCreated: missingColumns.length, rowsProcessed: unique.length, rowsCharged, rowsAlreadyPaidInTable: alreadyPaid, creditsCharged: credits };
		const commit = () => {
			const at = nowIso();
			for (const key of missingColumns) {
				if (key === 'signals') table.columns.push({ ...SIGNALS_COLUMN[kind], addedAt: at, updatedAt: at });
			}
			for (const key of fresh) table.entities.set(key, newRow(kind, table, key, options.companyKeys?.get(key)));
			for (const key of populate) {
				const column = table.columns.find((c) => c.key === key);
				if (!column) continue;
				column.updatedAt = at;
				for (const k of unique) table.entities.get(k).cells.set(column.columnId, cellFor(kind, column, k));
			}
			if (kind === 'companies') for (const k of unique) table.paid.add(k);
		};
		return { tableWrite, credits, commit };
	}

	// -------------------------------------------------------------- routes
	function routesFor(kind) {
		const base = `/v3/${kind}/tables`;
		function create({ body }) {
			validate(obj({ name: str({ minLength: 1, maxLength: 255 }), visibility: str({ enum: ['private', 'shared'] }), owner: ownerSchema, ids: arr(str()) }, { required: ['name', 'owner'] }), body);
			const owner = resolveUser(body.owner.email, 'owner.email');
			if (tables.size >= maxTables()) throw new TableError(403, 'TABLE_LIMIT_REACHED', `Maximum of ${maxTables()} tables per account reached`);
			if (nameTaken(kind, body.name)) throw new TableError(409, 'TABLE_NAME_CONFLICT', 'A table with this name already exists');
			const { keys } = resolveEntityIds(kind, body.ids ?? [], 'ids');
			const unique = [...new Set(keys.map((k) => k.key))];
			if (unique.length > maxEntities()) throw new TableError(403, 'TABLE_ENTITY_LIMIT_REACHED', `A table can hold at most ${maxEntities()} entities`);
			const table = newTable(kind, body.name, body.visibility ?? 'private', owner);
			for (const key of unique) table.entities.set(key, newRow(kind, table, key));
			tables.set(table.tableId, table);
			return { statusCode: 201, body: { requestId: ctx.requestId(), data: statusData(table), billing: { creditsCharged: 0, resultsReturned: 1 } } };
		}

		function list({ body }) {
			validate(obj({ owner: ownerSchema, page: int({ min: 0, max: 100 }), size: int({ min: 1 }), name: str(), status: str({ enum: ['active', 'archived'] }) }, { required: ['owner'] }), body);
			const user = resolveUser(body.owner.email, 'owner.email');
			const page = body.page ?? 0;
			const size = ctx.pageSize(body.size ?? 100);
			const status = body.status ?? 'active';
			const visible = [...tables.values()].filter(
				(t) => t.entityType === kind && t.status === status && (t.visibility === 'shared' || t.owner.email === user.email) && (!body.name || t.name.toLowerCase().includes(body.name.toLowerCase())),
			);
			const slice = visible.slice(page * size, (page + 1) * size).map(metadata);
			return { requestId: ctx.requestId(), data: slice, pagination: { page, size, total: visible.length }, billing: { creditsCharged: 0, resultsReturned: slice.length } };
		}

		const userFromQuery = (query) => resolveUser(Array.isArray(query.email) ? query.email[0] : query.email, 'email query parameter');

		function get({ params, query }) {
			const table = getTable(kind, params.tableId, userFromQuery(query));
			return { requestId: ctx.requestId(), data: statusData(table), billing: { creditsCharged: 0, resultsReturned: 1 } };
		}

		function update({ params, body }) {
			validate(obj({ name: str({ minLength: 1, maxLength: 255 }), visibility: str({ enum: ['private', 'shared'] }), archived: bool(), owner: ownerSchema }, { required: ['owner'] }), body);
			const user = resolveUser(body.owner.email, 'owner.email');
			const table = getTable(kind, params.tableId, user);
			if (body.name !== undefined && nameTaken(kind, body.name, table.tableId)) throw new TableError(409, 'TABLE_NAME_CONFLICT', 'A table with this name already exists');
			if (body.name !== undefined) table.name = body.name;
			if (body.visibility !== undefined) table.visibility = body.visibility;
			if (body.archived !== undefined) table.status = body.archived ? 'archived' : 'active';
			table.owner = user;
			return { requestId: ctx.requestId(), data: statusData(table), billing: { creditsCharged: 0, resultsReturned: 1 } };
		}

		function remove({ params, query }) {
			const table = getTable(kind, params.tableId, userFromQuery(query));
			tables.delete(table.tableId);
			return { requestId: ctx.requestId(), tableId: table.tableId, status: 'deleted', billing: { creditsCharged: 0, resultsReturned: 0 } };
		}

		function getEntities({ params, query }) {
			const table = getTable(kind, params.tableId, userFromQuery(query));
			const page = queryInt(query, 'page', { min: 0, max: 100, fallback: 0 });
			const size = ctx.pageSize(queryInt(query, 'size', { min: 1, fallback: 100 }));
			const rows = [...table.entities.values()].slice(page * size, (page + 1) * size);
			const credits = billing.charge(billing.price('export_api', rows.length), `GET ${base}/:tableId/entities`);
			const out = rows.map((row) => ({
				id: row.id,
				columns: table.columns.map((c) => {
					const cell = row.cells.get(c.columnId) ?? { value: null, status: 'not_run' };
					return { id: c.columnId, name: c.key, type: typeof cell.value === 'object' && cell.value !== null ? 'object' : 'string', sourceType: c.type, value: cell.status === 'processing' ? null : cell.value, status: cell.status };
				}),
			}));
			return { requestId: ctx.requestId(), data: out, pagination: { page, size, total: table.entities.size }, billing: { creditsCharged: credits, resultsReturned: out.length } };
		}

		function addEntities({ params, body }) {
			validate(obj({ entityIds: arr(str(), { min: 1, max: 500 }), companyIds: arr(str(), { max: 500 }), owner: ownerSchema }, { required: ['entityIds', 'owner'] }), body);
			const user = resolveUser(body.owner.email, 'owner.email');
			const table = getTable(kind, params.tableId, user);
			if (kind === 'contacts' && body.companyIds !== undefined && body.companyIds.length !== body.entityIds.length) {
				throw badRequest('companyIds must be index-aligned with entityIds (same length)');
			}
			const companyKeys = new Map();
			if (kind === 'contacts' && body.companyIds) {
				const bad = body.companyIds.map((raw, i) => (parseId('company', raw).valid ? null : `companyIds.${i} must be an encrypted Lusha id (vN.…) or a numeric id`)).filter(Boolean);
				if (bad.length) throw badRequest(bad);
			}
			const { keys, invalid } = resolveEntityIds(kind, body.entityIds, 'entityIds');
			if (kind === 'contacts' && body.companyIds) {
				body.entityIds.forEach((raw, i) => {
					const found = keys.find((k) => k.raw === raw);
					if (found) companyKeys.set(found.key, /** @type {any} */ (parseId('company', body.companyIds[i])).n);
				});
			}
			const unique = [...new Set(keys.map((k) => k.key))];
			const fresh = unique.filter((k) => !table.entities.has(k));
			if (table.entities.size + fresh.length > maxEntities()) {
				throw new TableError(403, 'TABLE_ENTITY_LIMIT_REACHED', `A table can hold at most ${maxEntities()} entities (${table.entities.size} present, ${fresh.length} new)`);
			}
			const toCharge = kind === 'companies' ? fresh.filter((k) => !table.paid.has(k)) : [];
			const credits = billing.charge(billing.price('reveal_company', toCharge.length), `POST ${base}/:tableId/entities`);
			for (const key of fresh) table.entities.set(key, newRow(kind, table, key, companyKeys.get(key)));
			for (const key of toCharge) table.paid.add(key);
			return {
				requestId: ctx.requestId(),
				data: { added: fresh.length, alreadyPresent: keys.length - fresh.length, invalidIds: invalid, addedBy: { surface: 'api' } },
				billing: { creditsCharged: credits, resultsReturned: fresh.length },
			};
		}

		function removeEntities({ params, body }) {
			validate(obj({ entityIds: arr(str(), { min: 1, max: 500 }), owner: ownerSchema }, { required: ['entityIds', 'owner'] }), body);
			const table = getTable(kind, params.tableId, resolveUser(body.owner.email, 'owner.email'));
			const { keys, invalid } = resolveEntityIds(kind, body.entityIds, 'entityIds');
			let removed = 0;
			for (const { raw, key } of keys) {
				if (table.entities.delete(key)) removed++;
				else invalid.push(raw);
			}
			return { requestId: ctx.requestId(), data: { removed, invalidIds: invalid }, billing: { creditsCharged: 0, resultsReturned: removed } };
		}

		function listColumns({ params, query }) {
			const table = getTable(kind, params.tableId, userFromQuery(query));
			return { requestId: ctx.requestId(), data: table.columns.map((c) => columnSummary(table, c)), billing: { creditsCharged: 0, resultsReturned: table.columns.length } };
		}

		function findColumn(table, columnId) {
			const column = table.columns.find((c) => c.columnId === columnId);
			if (!column) throw new TableError(404, 'COLUMN_NOT_FOUND', 'Column not found');
			return column;
		}

		function removeColumn({ params, query }) {
			const table = getTable(kind, params.tableId, userFromQuery(query));
			const column = findColumn(table, params.columnId);
			if (column.isDefault) throw new TableError(400, 'DEFAULT_COLUMN', 'Default Lusha columns cannot be removed');
			table.columns = table.columns.filter((c) => c !== column);
			for (const row of table.entities.values()) row.cells.delete(column.columnId);
			return { requestId: ctx.requestId(), tableId: table.tableId, columnId: column.columnId, removed: true, billing: { creditsCharged: 0, resultsReturned: 0 } };
		}

		function runColumn({ params, body }) {
			validate(obj({ runScope: str({ enum: ['all', 'missing', 'specific'] }), entityIds: arr(str(), { max: 500 }), owner: ownerSchema }, { required: ['runScope', 'owner'] }), body);
			const table = getTable(kind, params.tableId, resolveUser(body.owner.email, 'owner.email'));
			const column = findColumn(table, params.columnId);
			let rows = [...table.entities.values()];
			if (body.runScope === 'specific') {
				if (!body.entityIds?.length) throw badRequest('entityIds is required when runScope is specific');
				const { keys } = resolveEntityIds(kind, body.entityIds, 'entityIds');
				const wanted = new Set(keys.map((k) => k.key));
				rows = rows.filter((r) => wanted.has(r.key));
			} else if (body.runScope === 'missing') {
				rows = rows.filter((r) => (r.cells.get(column.columnId)?.status ?? 'not_run') === 'not_run');
			}
			const finals = rows.map((row) => ({ row, final: cellFor(kind, column, row.key) }));
			let credits = 0;
			const tier = column.tier;
			if (tier) {
				const chargeable =
					tier.mode === 'perRowWithData' ? finals.filter((f) => f.final.status === 'success').length : tier.mode === 'oncePerTable' ? finals.filter((f) => !table.paid.has(f.row.key)).length : finals.length;
				credits = billing.price(tier.action, chargeable);
			}
			billing.charge(credits, `POST ${base}/:tableId/columns/:columnId/run`);
			const settleAt = Date.now() + Number(sandbox.config.tablesRunDelayMs ?? 0);
			const at = nowIso();
			column.updatedAt = at;
			for (const { row, final } of finals) {
				row.cells.set(column.columnId, { value: null, status: 'processing', settleAt, final });
				if (tier?.mode === 'oncePerTable') table.paid.add(row.key);
			}
			return { requestId: ctx.requestId(), data: { columnId: column.columnId, runScope: body.runScope, status: 'processing' }, billing: { creditsCharged: credits, resultsReturned: finals.length } };
		}

		return {
			[`POST ${base}`]: create,
			[`POST ${base}/list`]: list,
			[`GET ${base}/:tableId`]: get,
			[`PATCH ${base}/:tableId`]: update,
			[`DELETE ${base}/:tableId`]: remove,
			[`GET ${base}/:tableId/entities`]: getEntities,
			[`POST ${base}/:tableId/entities`]: addEntities,
			[`DELETE ${base}/:tableId/entities`]: removeEntities,
			[`GET ${base}/:tableId/columns`]: listColumns,
			[`DELETE ${base}/:tableId/columns/:columnId`]: removeColumn,
			[`POST ${base}/:tableId/columns/:columnId/run`]: runColumn,
		};
	}

	const routes = Object.assign({}, ...KINDS.map(routesFor));
	const snapshot = () => [...tables.values()].map((t) => ({ ...statusData(t), entityIds: [...t.entities.values()].map((r) => r.id) }));
	return { routes, planWrite, reset, snapshot };
}

module.exports = { createTables, COLUMN_DEFS, DEFAULT_USERS };
