// @ts-check
'use strict';
/**
 * V3 IDs. Lusha V3 IDs are encrypted strings ("v1.…"); legacy numeric IDs are still accepted
 * (as the live API does). The sandbox makes them deterministic and reversible: `v1.` + base64url of
 * an 8-byte HMAC tag followed by the masked kind+number. The tag is checked on decode, so an
 * arbitrary string, a tampered token or a company token used as a contact id is invalid.
 *
 *   v3ContactId(person)  → 'v1.…' for a fixture person (same person, same id, every start)
 *   v3CompanyId(company) → 'v1.…' for a fixture company
 */
const { createHmac } = require('node:crypto');

const TAG_KEY = 'lusha-sandbox-v3-id-tag';
const MASK_KEY = 'lusha-sandbox-v3-id-mask';
const KIND = { contact: 0x50, company: 0x43 };

function tagOf(payload) {
	return createHmac('sha256', TAG_KEY).update(payload).digest().subarray(0, 8);
}

function maskOf(tag) {
	return createHmac('sha256', MASK_KEY).update(tag).digest().subarray(0, 5);
}

/** @param {'contact' | 'company'} kind @param {number} n */
function encode(kind, n) {
	const payload = Buffer.alloc(5);
	payload[0] = KIND[kind];
	payload.writeUInt32BE(n >>> 0, 1);
	const tag = tagOf(payload);
	const mask = maskOf(tag);
	const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i]));
	return `v1.${Buffer.concat([tag, masked]).toString('base64url')}`;
}

/** @param {'contact' | 'company'} kind @param {string} token @returns {number | undefined} */
function decode(kind, token) {
	const match = /^v(\d+)\.([A-Za-z0-9_-]+)$/.exec(token);
	if (!match || match[1] !== '1') return undefined;
	const raw = Buffer.from(match[2], 'base64url');
	if (raw.length !== 13 || raw.toString('base64url') !== match[2]) return undefined;
	const tag = raw.subarray(0, 8);
	const mask = maskOf(tag);
	const payload = Buffer.from(raw.subarray(8).map((byte, i) => byte ^ mask[i]));
	if (!tagOf(payload).equals(tag) || payload[0] !== KIND[kind]) return undefined;
	return payload.readUInt32BE(1);
}

/**
 * Parses a V3 id as sent by a caller: an encrypted token or a legacy numeric id.
 * @param {'contact' | 'company'} kind
 * @param {unknown} value
 * @returns {{ valid: true, n: number, legacy: boolean } | { valid: false }}
 */
function parseId(kind, value) {
	if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return { valid: true, n: value, legacy: true };
	if (typeof value !== 'string') return { valid: false };
	const text = value.trim();
	if (/^\d{1,15}$/.test(text)) return { valid: true, n: Number(text), legacy: true };
	const n = decode(kind, text);
	return n === undefined ? { valid: false } : { valid: true, n, legacy: false };
}

/** @param {{ personId: number }} person */
const v3ContactId = (person) => encode('contact', person.personId);
/** @param {{ id: number }} company */
const v3CompanyId = (company) => encode('company', company.id);

module.exports = { v3ContactId, v3CompanyId, encode, decode, parseId };
