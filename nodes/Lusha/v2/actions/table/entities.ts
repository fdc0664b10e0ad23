import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { inputError } from '../../../../shared/helpers/input';
import { TABLE_LIMITS, tableRequest } from '../../helpers/tables';
import type { TablePaths } from '../../helpers/tables';
import { entityIdsAt, tableTargetAt } from './fields';
import type { TableTarget } from './fields';

interface EntityEntry extends TableTarget {
	id: string;
	companyId?: string;
}

interface EntitiesChange {
	method: 'POST' | 'DELETE';
	paths: TablePaths;
	/** What an accepted ID's status reads: `inTable` after adding, `removed` after removing. */
	done: string;
	/** Contacts tables may take each contact's company (sent as `companyIds`, index-aligned with `entityIds`). */
	companyIdField?: string;
}

/**
 * Adds or removes the IDs of all input items, 500 per call (Lusha's cap) per table. One output
 * item per ID, paired to its input item: `status` is `done` or `invalid` (an ID Lusha could not
 * resolve; not an error, Lusha answers 200 and lists it in `invalidIds`).
 */
export async function changeEntities(context: IExecuteFunctions, items: INodeExecutionData[], change: EntitiesChange): Promise<INodeExecutionData[]> {
	return await bulkPerItem<EntityEntry>(context, items, {
		batchSize: TABLE_LIMITS.idsPerCall,
		prepare: (itemIndex) => {
			const target = tableTargetAt(context, itemIndex);
			const ids = entityIdsAt(context, itemIndex, 'entityIds', 'Entity IDs');
			const companyId = change.companyIdField && target.tableType === 'contacts' ? companyIdAt(context, itemIndex, change.companyIdField) : undefined;
			return ids.map((id) => ({ ...target, id, companyId }));
		},
		// One call serves one table as one user; company IDs go all-or-none per call (index-aligned).
		groupOf: (entry) => [entry.tableType, entry.tableId, entry.ownerEmail, entry.companyId ? 'withCompanies' : ''].join(' '),
		send: async (batch) => {
			const first = batch[0].request;
			const body: IDataObject = { entityIds: batch.map((entry) => entry.request.id) };
			if (first.companyId) body.companyIds = batch.map((entry) => entry.request.companyId);
			const response = await tableRequest<{ data?: { invalidIds?: string[] } }>(context, {
				method: change.method,
				paths: change.paths,
				tableType: first.tableType,
				tableId: first.tableId,
				ownerEmail: first.ownerEmail,
				body,
				itemIndex: batch[0].itemIndex,
			});
			const invalid = new Set(response.data?.invalidIds ?? []);
			return batch.map(({ request }) => ({ tableId: request.tableId, id: request.id, status: invalid.has(request.id) ? 'invalid' : change.done }));
		},
	});
}

/** The contacts' company (one per item, for every contact ID of the item), checked like the IDs. */
function companyIdAt(context: IExecuteFunctions, itemIndex: number, field: string): string | undefined {
	const raw = String(context.getNodeParameter(field, itemIndex, '') ?? '').trim();
	if (!raw) return undefined;
	const [companyId, extra] = entityIdsAt(context, itemIndex, field, 'Company ID');
	if (extra !== undefined) throw inputError(context, itemIndex, 'Company ID', 'must be one Lusha company ID', 'Give each item its contacts’ company, e.g. {{ $json.company.id }}.');
	return companyId;
}
