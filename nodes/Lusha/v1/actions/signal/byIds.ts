import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { inputError, integerIds, parseList } from '../../../../shared/helpers/input';
import { entityShow, signalQueryFields } from './fields';
import { runSignalQuery } from './query';

/** Get for Contacts and Get for Companies differ only in these words. */
const BY_IDS = {
	contact: { operation: 'getForContacts', field: 'contactIds', label: 'Contact IDs', noun: 'person', mapped: 'personId' },
	company: { operation: 'getForCompanies', field: 'companyIds', label: 'Company IDs', noun: 'company', mapped: 'companyId' },
};

export function byIdsFields(entity: 'contact' | 'company'): INodeProperties[] {
	const words = BY_IDS[entity];
	return [
		{
			displayName: words.label,
			name: words.field,
			type: 'string',
			default: `={{ $json.${words.mapped} }}`,
			required: true,
			description: `Lusha ${words.noun} IDs, separated by commas or new lines. By default each incoming item’s ${words.noun} ID.`,
			displayOptions: entityShow(words.operation),
		},
		...signalQueryFields([words.operation], entity),
	];
}

/** Signals for Lusha IDs at `path`, 100 per call; IDs must be whole numbers. */
export async function runByIds(context: IExecuteFunctions, items: INodeExecutionData[], entity: 'contact' | 'company', path: string) {
	const words = BY_IDS[entity];
	return await runSignalQuery(context, items, {
		entity,
		path,
		prepare: (itemIndex) => {
			const ids = parseList(context.getNodeParameter(words.field, itemIndex));
			if (!ids.length) throw inputError(context, itemIndex, words.label, 'is empty');
			return integerIds(context, ids, words.label, itemIndex);
		},
		bodyFor: (batch) => ({ [words.field]: batch.map((e) => e.request) }),
		keyOf: (entry) => String(entry.request),
		describe: (id) => `${words.noun} ID ${id}`,
	});
}
