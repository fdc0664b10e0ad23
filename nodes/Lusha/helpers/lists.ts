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
