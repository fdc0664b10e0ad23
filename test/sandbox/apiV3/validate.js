// @ts-check
'use strict';
/**
 * A small strict body validator for the V3 sandbox. Like the live API (seen on the live API), every
 * object rejects properties it does not declare ("property <path> should not exist"), nested ones
 * included. Messages follow class-validator's wording, prefixed with the full path.
 */
const { HttpError } = require('../dataRoutes');

/** Tables answer errors as `{ message, code: <status>, error: <NAME> }` (spec, "Tables-specific error codes"). */
class TableError extends Error {
	/** @param {number} statusCode @param {string} name @param {string} message @param {string[]} [errors] */
	constructor(statusCode, name, message, errors) {
		super(name ? `${name}: ${message}` : message);
		this.statusCode = statusCode;
		this.name = name;
		this.errors = errors;
	}
}

const str = (o = {}) => ({ t: 'string', ...o });
const int = (o = {}) => ({ t: 'integer', ...o });
const num = (o = {}) => ({ t: 'number', ...o });
const bool = () => ({ t: 'boolean' });
const date = () => ({ t: 'date' });
const email = () => ({ t: 'string', format: 'email' });
const uuid = () => ({ t: 'string', format: 'uuid' });
const any = () => ({ t: 'any' });
/** @param {object} items @param {{ min?: number, max?: number }} [o] */
const arr = (items, o = {}) => ({ t: 'array', items, ...o });
/** @param {Record<string, object>} props @param {{ required?: string[], minProps?: number }} [o] */
const obj = (props, o = {}) => ({ t: 'object', props, ...o });

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const join = (path, key) => (path ? `${path}.${key}` : String(key));
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isValidDate(value) {
	return typeof value === 'string' && DATE_RE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

/**
 * @param {any} schema
 * @param {unknown} value
 * @param {string} path
 * @param {string[]} errors
 */
function check(schema, value, path, errors) {
	const label = path || 'body';
	switch (schema.t) {
		case 'any':
			return;
		case 'object': {
			if (!isPlainObject(value)) return void errors.push(path ? `${label} must be an object` : 'Request body must be a JSON object');
			const record = /** @type {Record<string, unknown>} */ (value);
			for (const key of Object.keys(record)) {
				if (!(key in schema.props)) errors.push(`property ${join(path, key)} should not exist`);
			}
			for (const key of schema.required ?? []) {
				if (record[key] === undefined || record[key] === null) errors.push(`${join(path, key)} is required`);
			}
			if (schema.minProps && Object.keys(record).filter((k) => record[k] !== undefined).length < schema.minProps) {
				errors.push(`${label} must have at least ${schema.minProps} ${schema.minProps === 1 ? 'property' : 'properties'}`);
			}
			for (const [key, sub] of Object.entries(schema.props)) {
				if (record[key] !== undefined && !(record[key] === null && sub.nullable)) check(sub, record[key], join(path, key), errors);
			}
			return;
		}
		case 'array': {
			if (!Array.isArray(value)) return void errors.push(`${label} must be an array`);
			if (schema.min !== undefined && value.length < schema.min) errors.push(`${label} must contain at least ${schema.min} elements`);
			if (schema.max !== undefined && value.length > schema.max) errors.push(`${label} must contain no more than ${schema.max} elements`);
			const before = errors.length;
			value.forEach((item, i) => {
				// One broken element is enough to report; a 500-element array of wrong types need not give 500 lines.
				if (errors.length - before < 10) check(schema.items, item, join(path, i), errors);
			});
			return;
		}
		case 'string': {
			if (typeof value !== 'string') return void errors.push(`${label} must be a string`);
			if (schema.enum && !schema.enum.includes(value)) return void errors.push(`${label} must be one of the following values: ${schema.enum.join(', ')}`);
			if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${label} must be longer than or equal to ${schema.minLength} characters`);
			if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${label} must be shorter than or equal to ${schema.maxLength} characters`);
			if (schema.format === 'email' && !EMAIL_RE.test(value)) errors.push(`${label} must be an email`);
			if (schema.format === 'uuid' && !UUID_RE.test(value)) errors.push(`${label} must be a UUID`);
			return;
		}
		case 'date':
			if (!isValidDate(value)) errors.push(`${label} must be a valid ISO 8601 date string (YYYY-MM-DD)`);
			return;
		case 'integer':
		case 'number': {
			if (typeof value !== 'number' || !Number.isFinite(value) || (schema.t === 'integer' && !Number.isInteger(value))) {
				return void errors.push(`${label} must be ${schema.t === 'integer' ? 'an integer number' : 'a number'}`);
			}
			if (schema.min !== undefined && value < schema.min) errors.push(`${label} must not be less than ${schema.min}`);
			if (schema.max !== undefined && value > schema.max) errors.push(`${label} must not be greater than ${schema.max}`);
			return;
		}
		case 'boolean':
			if (typeof value !== 'boolean') errors.push(`${label} must be a boolean value`);
			return;
		default:
			throw new Error(`unknown schema type ${schema.t}`);
	}
}

/** Lusha's 400: `{ statusCode: 400, message, errors }`; the message repeats the problems so a caller that shows only `message` still says what is wrong. */
function badRequest(errors) {
	const list = Array.isArray(errors) ? errors : [errors];
	return new HttpError(400, list.join('; '), list);
}

/** Throws Lusha's 400 unless `value` satisfies `schema`. */
function validate(schema, value) {
	const errors = [];
	check(schema, value, '', errors);
	if (errors.length) throw badRequest(errors);
	return value;
}

/**
 * Query-string integer (`?page=2`) with bounds; `fallback` when absent.
 * @param {Record<string, unknown>} query @param {string} name @param {{ min?: number, max?: number, fallback?: number }} bounds
 */
function queryInt(query, name, { min, max, fallback }) {
	const raw = query[name];
	if (raw === undefined || raw === '') return fallback;
	if (Array.isArray(raw) || !/^-?\d+$/.test(String(raw))) throw badRequest(`${name} must be an integer number`);
	const n = Number(raw);
	if (min !== undefined && n < min) throw badRequest(`${name} must not be less than ${min}`);
	if (max !== undefined && n > max) throw badRequest(`${name} must not be greater than ${max}`);
	return n;
}

module.exports = { str, int, num, bool, date, email, uuid, any, arr, obj, validate, badRequest, queryInt, isValidDate, isPlainObject, TableError, HttpError, EMAIL_RE };
