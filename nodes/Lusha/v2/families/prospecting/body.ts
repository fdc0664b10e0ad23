/** The request body of the prospecting filters: what the user filled in, read and checked by the criteria rows. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, lushaDate, parseList } from '../../../../shared/helpers/input';
import { locationValue } from './catalogues';
import type { FilterRow } from './criteria';

interface Reader {
	context: IExecuteFunctions;
	itemIndex: number;
}

const fail = (reader: Reader, field: string, problem: string, fix?: string) => inputError(reader.context, reader.itemIndex, field, problem, fix);

const isEmpty = (value: unknown) =>
	value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

/**
 * Dropdown values as picked (an array, taken as it is: "Technology, Information & Media" is one
 * value), or as an expression gave them ("a, b", an array, a number).
 */
const valuesOf = (value: unknown): string[] => [...new Set(entriesOf(value).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v).trim())).filter(Boolean))];

/** Picked values that may be JSON objects (ranges, locations): an array is taken as it is, never split on its commas. */
function entriesOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.filter((entry) => entry !== '' && entry !== null && entry !== undefined);
	if (value && typeof value === 'object') return [value];
	const text = String(value ?? '').trim();
	if (text.startsWith('[') || text.startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			return Array.isArray(parsed) ? parsed : [parsed];
		} catch {
			return [text];
		}
	}
	return parseList(text);
}

/** One picked entry as an object: as given, or parsed from its JSON text. */
function objectOf(entry: unknown): IDataObject | undefined {
	if (entry && typeof entry === 'object' && !Array.isArray(entry)) return entry as IDataObject;
	const text = String(entry).trim();
	if (!text.startsWith('{')) return undefined;
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

function integerOf(reader: Reader, field: string, text: unknown, min?: number, max?: number): number {
	const n = typeof text === 'number' ? text : Number(String(text).trim());
	if (!Number.isInteger(n)) throw fail(reader, field, `must be a whole number, not "${String(text)}"`);
	if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
		throw fail(reader, field, `must be between ${min ?? '…'} and ${max ?? '…'}, not ${n}`);
	}
	return n;
}

function rangeOf(reader: Reader, field: string, entry: unknown): IDataObject {
	const range = objectOf(entry);
	if (range && (range.min !== undefined || range.max !== undefined)) return range;
	const shown = typeof entry === 'string' ? entry : JSON.stringify(entry);
	throw fail(reader, field, `must hold ranges like {"min":51,"max":200}, not ${shown}`, 'Pick from the list, or map objects with min and max.');
}

/**
 * Lusha takes a range filter as ONE element, so several picked buckets become one range from
 * the lowest minimum to the highest maximum (open-ended if any pick is).
 */
function mergedRange(ranges: IDataObject[]): IDataObject[] {
	if (ranges.length <= 1) return ranges;
	const mins = ranges.map((r) => Number(r.min ?? 0));
	const open = ranges.some((r) => r.max === undefined || r.max === null);
	const merged: IDataObject = { min: Math.min(...mins) };
	if (!open) merged.max = Math.max(...ranges.map((r) => Number(r.max)));
	return [merged];
}

/** What a picker holds: its rows' values (from the list or typed), or what an expression gave. */
function pickedOf(value: unknown): unknown[] {
	const rows = (value as IDataObject | undefined)?.values;
	if (!Array.isArray(rows)) return entriesOf(value);
	return (rows as IDataObject[])
		.map((row) => {
			const locator = row.value as IDataObject | string | undefined;
			return String((locator && typeof locator === 'object' ? locator.value : locator) ?? '').trim();
		})
		.filter(Boolean);
}

function locationOf(reader: Reader, field: string, entry: unknown, company: boolean): IDataObject {
	const object = objectOf(entry);
	if (object) return locationValue(object);
	const text = String(entry).trim();
	if (text.startsWith('{')) throw fail(reader, field, `holds a location Lusha cannot read: ${text}`);
	if (company && /^[A-Za-z]{2}$/.test(text)) {
		throw fail(reader, field, `must name the country in full, not "${text}"`, 'Lusha matches company locations by full country name, e.g. United States.');
	}
	return { country: text };
}

function valueOf(reader: Reader, row: FilterRow, value: unknown, field: string): unknown {
	const kind = row.kind;
	switch (kind.type) {
		case 'catalogue': {
			const picked = valuesOf(value);
			if (kind.values === 'integer') return picked.map((v) => integerOf(reader, field, v));
			if (kind.values === 'range') return mergedRange(entriesOf(value).map((v) => rangeOf(reader, field, v)));
			if (kind.values === 'iso2') {
				return picked.map((v) => {
					if (!/^[A-Za-z]{2}$/.test(v)) throw fail(reader, field, `must hold ISO-2 country codes such as US, not "${v}"`, 'Lusha refuses full country names here. Pick from the list, or map two-letter codes.');
					return v.toUpperCase();
				});
			}
			return picked;
		}
		case 'search': {
			const picked = pickedOf(value);
			if (kind.values) return picked.map((v) => locationOf(reader, field, v, kind.values === 'companyLocation'));
			return picked.map(String);
		}
		case 'list':
			return parseList(value);
		case 'pick':
		case 'choice':
			return typeof value === 'string' ? value.trim() : value;
		case 'text': {
			const text = typeof value === 'string' ? value.trim() : '';
			if (kind.maxLength !== undefined && text.length > kind.maxLength) throw fail(reader, field, `is ${text.length} characters long; Lusha takes at most ${kind.maxLength}`);
			return text;
		}
		case 'enum':
			return valuesOf(value);
		case 'integer':
			return value === '' || value === undefined || value === null ? undefined : integerOf(reader, field, value, kind.min, kind.max);
		case 'boolean':
			return value === true || value === 'true';
		case 'date':
			return lushaDate(reader.context, value, field, reader.itemIndex);
		case 'range': {
			const range = ((value as IDataObject | undefined)?.range ?? {}) as IDataObject;
			const min = Number(range.min ?? 0);
			const max = Number(range.max ?? 0);
			if (max > 0 && min > max) throw fail(reader, field, `has Min ${min} above Max ${max}`);
			const merged: IDataObject = {};
			if (min > 0) merged.min = min;
			if (max > 0) merged.max = max;
			return Object.keys(merged).length ? [merged] : undefined;
		}
		case 'group':
			return criteriaOf(reader, kind.fields, (value ?? {}) as IDataObject, field);
		case 'rows': {
			const rows = ((value as IDataObject | undefined)?.rows ?? []) as IDataObject[];
			return rows.map((entry) => criteriaOf(reader, kind.fields, entry, field, true)).filter((entry) => !isEmpty(entry));
		}
	}
}

/** What one block of filters the user filled in becomes in Lusha's body; unfilled filters are left out. */
function criteriaOf(reader: Reader, rows: FilterRow[], values: IDataObject, label: string, zeroIsUnset = false): IDataObject {
	const body: IDataObject = {};
	for (const row of rows) {
		if (!(row.bodyField in values)) continue;
		const value = valueOf(reader, row, values[row.bodyField], `${label} → ${row.displayName}`);
		if (isEmpty(value) || (zeroIsUnset && value === 0)) continue;
		body[row.bodyField] = value as IDataObject;
	}
	return body;
}

/**
 * One include or exclude block. Refinement filters (score, education, job change) need a base
 * filter beside them: Lusha answers 400 otherwise, so say it before sending.
 */
export function filterBlock(context: IExecuteFunctions, itemIndex: number, rows: FilterRow[], values: IDataObject, label: string): IDataObject {
	const reader = { context, itemIndex };
	const block = criteriaOf(reader, rows, values, label);
	const refinements = rows.filter((row) => row.refinement && row.bodyField in block);
	// A condition (and/or) only says how to combine its filter's values: it is no base either.
	const isBase = (row: FilterRow) => !row.refinement && row.kind.type !== 'choice' && row.bodyField in block;
	if (refinements.length && !rows.some(isBase)) {
		throw fail(
			reader,
			`${label} → ${refinements[0].displayName}`,
			'only narrows other filters, and none is set',
			`Add a base filter to ${label}, such as Job Titles or Department Names or IDs.`,
		);
	}
	return block;
}
