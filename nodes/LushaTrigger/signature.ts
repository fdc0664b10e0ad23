import { createHmac, timingSafeEqual } from 'crypto';

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** Lusha's timestamp is "Unix time"; accept seconds or milliseconds, since the docs do not say which. */
export function timestampMs(value: string): number | undefined {
	if (!/^\d{9,14}$/.test(value)) return undefined;
	const number = Number(value);
	return number >= 1e12 ? number : number * 1000;
}

function single(value: string | string[] | undefined): string | undefined {
	return typeof value === 'string' ? value.trim() : undefined;
}

function hmacHex(secret: string, timestamp: string, body: string): Buffer {
	return Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex'), 'utf8');
}

export interface SignedDelivery {
	signature: string | string[] | undefined;
	timestamp: string | string[] | undefined;
	/** The bytes as received; what Lusha signed. */
	rawBody?: Buffer | string;
	/** The parsed body; Lusha's docs sign JSON.stringify of it, the fallback when the raw body is unavailable. */
	parsedBody: unknown;
}

/**
 * Checks X-Lusha-Signature: lowercase hex HMAC-SHA256 of `${timestamp}.${body}` under the account
 * secret. Constant-time, and never throws on odd input: a forger learns nothing from timing or
 * crashes. `toleranceSeconds` of 0 turns off the replay window.
 */
export function verifySignature(
	delivery: SignedDelivery,
	secret: string,
	toleranceSeconds: number,
	now = Date.now(),
): SignatureCheck {
	const signature = single(delivery.signature);
	const timestamp = single(delivery.timestamp);
	if (!signature) return { valid: false, reason: 'missing X-Lusha-Signature header' };
	if (!timestamp) return { valid: false, reason: 'missing X-Lusha-Timestamp header' };
	const sentAt = timestampMs(timestamp);
	if (sentAt === undefined) return { valid: false, reason: 'malformed X-Lusha-Timestamp header' };
	if (toleranceSeconds > 0 && Math.abs(now - sentAt) > toleranceSeconds * 1000) {
		return { valid: false, reason: 'timestamp outside the allowed tolerance' };
	}
	if (!HEX_SHA256.test(signature)) return { valid: false, reason: 'malformed X-Lusha-Signature header' };
	const given = Buffer.from(signature, 'utf8');
	const candidates: string[] = [];
	if (delivery.rawBody !== undefined && delivery.rawBody.length > 0) candidates.push(delivery.rawBody.toString());
	if (delivery.parsedBody !== undefined) candidates.push(JSON.stringify(delivery.parsedBody));
	let matched = false;
	for (const body of candidates) {
		// Evaluate every candidate, so timing does not reveal which form matched.
		matched = timingSafeEqual(given, hmacHex(secret, timestamp, body)) || matched;
	}
	return matched ? { valid: true } : { valid: false, reason: 'signature does not match' };
}
