import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, showForWith } from '../../../shared/helpers/display';
import { tableIdAt, tableLocatorField } from './tables';

/**
 * "Save to Lusha Table": every V3 operation whose request takes `tableId` (enrich, prospecting,
 * signals, lookalikes) can also put its results in a Lusha Table. Lusha answers with a `tableWrite`
 * summary per call (added, already present, rows charged, credits), which each item keeps; a failed
 * write never fails the operation itself (Lusha reports it in `tableWrite`).
 */
export function saveToTableFields(resource: 'contact' | 'company', operation: string): INodeProperties[] {
	const noun = resource === 'contact' ? 'contacts' : 'companies';
	const shown = showForWith(resource, operation, { saveToTable: [true] });
	return [
		{
			displayName: 'Save to Lusha Table',
			name: 'saveToTable',
			type: 'boolean',
			default: false,
			description: `Whether to also add the ${noun} to a Lusha ${noun} table. Each item then carries Lusha's tableWrite summary (added, already present, credits).`,
			displayOptions: showFor(resource, operation),
		},
		tableLocatorField({
			name: 'saveTableId',
			displayName: 'Table',
			description: `The Lusha ${noun} table to add the results to`,
			displayOptions: shown,
		}),
		{
			displayName: 'Your Lusha Email',
			name: 'tableOwnerEmail',
			type: 'string',
			placeholder: 'name@company.com',
			default: '',
			description: 'Only to list your tables in the Table picker (Lusha lists them per user). Not needed with a table ID.',
			displayOptions: shown,
		},
	];
}

/** The body part of "Save to Lusha Table" for one item: `{ tableId }`, or nothing. */
export function tableIdFor(context: IExecuteFunctions, itemIndex: number): IDataObject {
	if (!(context.getNodeParameter('saveToTable', itemIndex, false) as boolean)) return {};
	return { tableId: tableIdAt(context, itemIndex, 'saveTableId', 'Table') };
}
