import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A user-input problem for one item: names the field and the item, says what to do. */
export function inputError(context: IExecuteFunctions, itemIndex: number, field: string, problem: string, fix?: string) {
	return new NodeOperationError(context.getNode(), `${field} ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: fix,
	});
}

/** Lusha takes dates as YYYY-MM-DD; n8n's date picker gives ISO date-times. Empty means "not set". */
export function lushaDate(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	const day = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text)?.[1];
	if (!day || Number.isNaN(Date.parse(day))) {
		throw inputError(context, itemIndex, field, `must be a date like 2025-06-30, not "${text}"`, 'Pick a date, or map a value in YYYY-MM-DD form.');
	}
	return day;
}

/** Lusha IDs that must be whole numbers (person, company and contact signal IDs). */
export function integerIds(context: IExecuteFunctions, values: string[], field: string, itemIndex: number): number[] {
	return values.map((value) => {
		if (!/^\d+$/.test(value)) {
			throw inputError(context, itemIndex, field, `must contain whole-number Lusha IDs, but has "${value}"`, 'Lusha person and company IDs are digits only, e.g. 4158887495.');
		}
		return Number(value);
	});
}
/**
 * Reads a list the way users type or map it: "1, 2\n3", an expression that yields an array, or
 * a single number. Blank entries are dropped and repeats removed, keeping first-seen order.
 */
export function parseList(value: unknown): string[] {
	const raw = Array.isArray(value) ? value.flatMap((entry) => parseList(entry)) : String(value ?? '').split(/[\n,;]+/);
	const seen = new Set<string>();
	for (const entry of raw) {
		const text = typeof entry === 'string' ? entry.trim() : String(entry);
		if (text !== '') seen.add(text);
	}
	return [...seen];
}
