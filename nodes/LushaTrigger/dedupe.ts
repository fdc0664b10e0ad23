/** Lusha delivers at least once; a redelivery inside this window is acknowledged but not run again. */
const WINDOW_MS = 24 * 60 * 60 * 1000;
/** Per trigger node, so memory stays bounded however busy the account is. */
const MAX_IDS = 5000;

const seenByTrigger = new Map<string, Map<string, number>>();

/**
 * Records a delivery id and says whether it was already seen in the last 24 hours. Memory is per
 * n8n process: see the README on queue mode, where several webhook processes each keep their own.
 */
export function isRepeatDelivery(triggerKey: string, deliveryId: string, now = Date.now()): boolean {
	let seen = seenByTrigger.get(triggerKey);
	if (!seen) {
		seen = new Map();
		seenByTrigger.set(triggerKey, seen);
	}
	const firstSeen = seen.get(deliveryId);
	if (firstSeen !== undefined && now - firstSeen < WINDOW_MS) return true;
	// Re-insert so the Map's insertion order stays oldest-first for eviction.
	seen.delete(deliveryId);
	seen.set(deliveryId, now);
	for (const [id, at] of seen) {
		if (seen.size <= MAX_IDS && now - at < WINDOW_MS) break;
		seen.delete(id);
	}
	return false;
}
