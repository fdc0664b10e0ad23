/** The editor fields of the prospecting filters: one "Add Filter" collection built from the criteria rows. */
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import type { FilterRow } from './criteria';

function fieldFor(row: FilterRow): INodeProperties {
	const base = { displayName: row.displayName, name: row.bodyField, ...(row.placeholder ? { placeholder: row.placeholder } : {}) };
	const described = (text?: string) => (text ? { description: text } : {});
	const kind = row.kind;
	switch (kind.type) {
		case 'catalogue':
			return { ...base, type: 'multiOptions', typeOptions: { loadOptionsMethod: kind.method }, default: [], description: `${row.description ? `${row.description}. ` : ''}${EXPRESSION_LIST_HINT}` };
		case 'pick':
			return { ...base, type: 'options', typeOptions: { loadOptionsMethod: kind.method }, default: '', description: `${row.description ? `${row.description}. ` : ''}${EXPRESSION_LIST_HINT}` };
		case 'search':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: `Add ${row.displayName.replace(/ies$/, 'y').replace(/s$/, '')}`,
				...described(row.description),
				options: [
					{
						displayName: 'Value',
						name: 'values',
						values: [
							{
								displayName: 'Value',
								name: 'value',
								type: 'resourceLocator',
								default: { mode: 'list', value: '' },
								modes: [
									{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: kind.method, searchable: true } },
									{ displayName: 'By Name', name: 'name', type: 'string', placeholder: kind.values === 'companyLocation' ? 'United States' : '' },
								],
							},
						],
					},
				],
			};
		case 'list':
			return { ...base, type: 'string', default: '', description: row.description ?? 'Separate several with commas or new lines' };
		case 'text':
			return { ...base, type: 'string', default: '', ...described(row.description) };
		case 'choice':
			return { ...base, type: 'options', options: kind.options.map((value) => ({ name: value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), value })), default: kind.options[0], ...described(row.description) };
		case 'enum':
			return { ...base, type: 'multiOptions', options: kind.options.map((value) => ({ name: value, value })), default: [], ...described(row.description) };
		case 'integer':
			return { ...base, type: 'number', typeOptions: { minValue: kind.min, maxValue: kind.max, numberPrecision: 0 }, default: kind.min ?? 0, ...described(row.description) };
		case 'boolean':
			return { ...base, type: 'boolean', default: false, ...described(row.description) };
		case 'date':
			return { ...base, type: 'dateTime', default: '', ...described(row.description) };
		case 'range':
			return {
				...base,
				type: 'fixedCollection',
				default: {},
				placeholder: 'Set Range',
				description: row.description ?? '0 means no bound',
				options: [
					{
						displayName: 'Range',
						name: 'range',
						values: [
							{ displayName: 'Min', name: 'min', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0 },
							{ displayName: 'Max', name: 'max', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0 },
						],
					},
				],
			};
		case 'group':
			return { ...base, type: 'collection', placeholder: 'Add Field', default: {}, ...described(row.description), options: sorted(kind.fields.map(fieldFor)) };
		case 'rows':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: `Add ${row.displayName.replace(/s$/, '')}`,
				...described(row.description),
				options: [{ displayName: row.displayName, name: 'rows', values: kind.fields.map(fieldFor) }],
			};
	}
}

const sorted = (fields: INodeProperties[]) => [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** An "Add Filter" collection built from the table. */
export function filterCollection(name: string, displayName: string, rows: FilterRow[], displayOptions: IDisplayOptions, description?: string): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions, ...(description ? { description } : {}), options: sorted(rows.map(fieldFor)) };
}
