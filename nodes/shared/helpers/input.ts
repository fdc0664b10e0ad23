import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { emptyIdsHint } from './idDefaults';

/**
 * The one place that reads and normalizes what users type or map: trimmed text, lists, domains,
 * emails, Lusha IDs (digits, or V3's `v1.…`), whole-number options, dates. Every operation reads its input through these, so the
 * same value is accepted (or refused, with the same words) everywhere.
 */

/** A user-input problem for one item: names the field and the item, says what to do. */
export function inputError(context: IExecuteFunctions, itemIndex: number, field: string, problem: string, fix?: string) {
	return new NodeOperationError(context.getNode(), `${field} ${problem} (item ${itemIndex})`, {
		itemIndex,
		description: fix,
	});
}

/** A text parameter as the user meant it: trimmed, and empty when unset. */
export function readText(context: IExecuteFunctions, name: string, itemIndex: number): string {
	const value = context.getNodeParameter(name, itemIndex, '') as unknown;
	return value === undefined || value === null ? '' : String(value).trim();
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

/**
 * A company domain as Lusha matches it: "https://www.Acme.com:443/about?x" becomes "www.acme.com".
 * Users paste website URLs; Lusha wants the host only. With `stripWww`, "www." goes too: the V3
 * contact and company identities match on the bare domain, while API v2 calls and website visits
 * send the host as given (saved workflows and Lusha's visit tracking rely on it).
 */
export function normalizeDomain(value: string, { stripWww = false }: { stripWww?: boolean } = {}): string {
	const host = value
		.trim()
		.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
		.replace(/[/?#].*$/, '')
		.replace(/:\d+$/, '')
		.replace(/\.$/, '')
		.toLowerCase();
	return stripWww ? host.replace(/^www\./, '') : host;
}

export function isDomain(value: string): boolean {
	return /^[^\s./@:]+(\.[^\s./@:]+)+$/.test(value);
}

/** A domain field's value, normalized; refused with the field and item named when it is no domain. */
export function domainOf(context: IExecuteFunctions, value: string, field: string, itemIndex: number): string {
	const domain = normalizeDomain(value);
	if (!isDomain(domain)) {
		throw inputError(context, itemIndex, field, domain ? `is not a domain: "${value.trim()}"` : 'is empty', 'Use a bare domain such as company.com, or a website URL.');
	}
	return domain;
}

export function isEmail(value: string): boolean {
	return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
}

/** Lusha V3 IDs are encrypted (`v1.…`) or legacy whole numbers; anything else Lusha refuses as "Invalid … id". */
export function isLushaId(value: string): boolean {
	return /^(v\d+\.[A-Za-z0-9_-]+|\d+)$/.test(value);
}

/** One item's Lusha V3 IDs (a list or one), each checked before any call. */
export function lushaIds(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string[] {
	const ids = parseList(value);
	if (ids.length === 0) throw inputError(context, itemIndex, field, `is empty: ${emptyIdsHint(context, itemIndex, field)}`, 'Map the Lusha ID of a Search, Prospect or Lusha Trigger item.');
	const bad = ids.find((id) => !isLushaId(id));
	if (bad !== undefined) {
		throw inputError(context, itemIndex, field, `holds "${bad}", which is not a Lusha ID`, 'Lusha IDs look like v1.… (or digits for older records). Take them from a Search, Prospect or Enrich result.');
	}
	return ids;
}

/** An optional whole-number option (Max Results per Signal, Max Contacts per Company): undefined when unset, refused outside min–max. */
export function wholeNumberIn(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
		throw inputError(context, itemIndex, field, `must be a whole number from ${min} to ${max}, not ${String(value)}`);
	}
	return value as number;
}

/** Lusha person, company and contact-signal IDs are digits only. */
export function isDigitsId(value: string): boolean {
	return /^\d+$/.test(value);
}

/** One digits-only Lusha ID, refused with the field and item named otherwise. */
export function digitsId(context: IExecuteFunctions, value: string, field: string, itemIndex: number): string {
	if (!isDigitsId(value)) throw inputError(context, itemIndex, field, value ? `must be digits only, not "${value}"` : 'is empty');
	return value;
}

/** Lusha IDs that must be whole numbers (person, company and contact signal IDs). */
export function integerIds(context: IExecuteFunctions, values: string[], field: string, itemIndex: number): number[] {
	return values.map((value) => {
		if (!isDigitsId(value)) {
			throw inputError(context, itemIndex, field, `must contain whole-number Lusha IDs, but has "${value}"`, 'Lusha person and company IDs are digits only, e.g. 4158887495.');
		}
		return Number(value);
	});
}

export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
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
