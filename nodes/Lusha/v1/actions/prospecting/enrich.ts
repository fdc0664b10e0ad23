import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { compact, optionsCollection, revealOptions, simplifyField } from '../../../../shared/helpers/fields';
import { inputError, parseList, readText } from '../../../../shared/helpers/input';
import { lushaRequest } from '../../../../shared/transport';
import { REVEAL_PLAN_HINT } from '../../../../shared/uiText';
import { simplifyCompany, simplifyPerson } from '../../helpers/simplify';

export type EnrichKind = 'contact' | 'company';

const operationOf = (kind: EnrichKind) => (kind === 'contact' ? 'enrichContacts' : 'enrichCompanies');

/** Defaults read the fields Search Contacts/Companies put on each item, so Search → Enrich needs no expressions. */
export function enrichFields(kind: EnrichKind): INodeProperties[] {
	const show = { show: { resource: ['prospecting'], operation: [operationOf(kind)] } };
	const ids: INodeProperties =
		kind === 'contact'
			? { displayName: 'Contact IDs', name: 'contactIds', type: 'string', default: '={{ $json.contactId }}', required: true, description: 'IDs from the search. By default each incoming search result’s contact ID.', displayOptions: show }
			: { displayName: 'Company IDs', name: 'companyIds', type: 'string', default: '={{ $json.id }}', required: true, description: 'IDs from the search. By default each incoming search result’s company ID.', displayOptions: show };
	return [
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '={{ $json.requestId }}',
			required: true,
			description: 'The requestId of the search the IDs came from. By default taken from each incoming search result.',
			displayOptions: show,
		},
		ids,
		simplifyField('prospecting', operationOf(kind), kind === 'contact' ? 'primary email and phone, job, company' : 'name, domain, size, industry, location'),
		...(kind === 'contact' ? [optionsCollection('prospecting', operationOf(kind), revealOptions, 'enrichOptions')] : []),
	];
}

interface Target {
	requestId: string;
	id: string;
}

interface EnrichAnswer extends IDataObject {
	id?: string;
	isSuccess?: boolean;
	data?: IDataObject;
	error?: IDataObject;
}

/**
 * Enriches search results in calls of up to 100 IDs that share a requestId (Lusha may cap
 * companies at 50; the batcher then resends in 50s). One item per ID, paired with its input.
 */
export async function runEnrich(context: IExecuteFunctions, items: INodeExecutionData[], kind: EnrichKind, path: string): Promise<INodeExecutionData[]> {
	const simplify = context.getNodeParameter('simplify', 0, true) as boolean;
	const reveal = kind === 'contact' ? compact(context.getNodeParameter('enrichOptions', 0, {}) as IDataObject) : {};
	const idsField = kind === 'contact' ? 'contactIds' : 'companyIds';
	const idsLabel = kind === 'contact' ? 'Contact IDs' : 'Company IDs';
	return await bulkPerItem<Target>(context, items, {
		prepare: (itemIndex) => {
			const requestId = readText(context, 'requestId', itemIndex);
			if (!requestId) throw inputError(context, itemIndex, 'Request ID', 'is empty', `Connect this node after Prospecting → Search ${kind === 'contact' ? 'Contacts' : 'Companies'}, or map the search’s requestId.`);
			const ids = parseList(context.getNodeParameter(idsField, itemIndex));
			if (!ids.length) throw inputError(context, itemIndex, idsLabel, 'is empty');
			return ids.map((id) => ({ requestId, id }));
		},
		batchSize: 100,
		groupOf: (target) => target.requestId,
		send: async (batch) => {
			const requestId = batch[0].request.requestId;
			const ids = batch.map((entry) => entry.request.id);
			const response = await lushaRequest<{ contacts?: EnrichAnswer[]; companies?: EnrichAnswer[] }>(context, {
				method: 'POST',
				path,
				body: kind === 'contact' ? { requestId, contactIds: ids, ...reveal } : { requestId, companiesIds: ids },
				itemIndex: batch[0].itemIndex,
				statusHints: {
					403: REVEAL_PLAN_HINT,
					404: 'Lusha no longer knows this search. Search again, then enrich the new results.',
				},
			});
			const answers = new Map(((kind === 'contact' ? response.contacts : response.companies) ?? []).map((a) => [String(a.id), a]));
			return batch.map(({ itemIndex, request }) => {
				const answer = answers.get(request.id);
				if (!answer || answer.isSuccess === false) {
					const reason = (answer?.error?.message as string) ?? 'Lusha returned nothing for it';
					return new NodeOperationError(context.getNode(), `Lusha could not enrich ${kind} ${request.id} (item ${itemIndex}): ${reason}`, { itemIndex });
				}
				const record = kind === 'contact' ? { ...(answer.data ?? {}), id: answer.id } : answer;
				const simplified = kind === 'contact' ? simplifyPerson(record) : simplifyCompany(record);
				return { ...(simplify ? simplified : record), requestId };
			});
		},
	});
}
