/** The input normalizers every operation reads through: the same value is read the same way everywhere. */
import { isDomain, isEmail, isUuid, normalizeDomain, parseList } from '../../../nodes/shared/helpers/input';

describe('parseList', () => {
	it('splits typed lists on commas, semicolons and new lines, trims, drops blanks and repeats', () => {
		expect(parseList(' 1, 2;\n3\n\n, 2 ')).toEqual(['1', '2', '3']);
	});

	it('flattens what an expression returns: arrays, nested arrays, numbers', () => {
		expect(parseList([4158887495, ['a@x.com, b@x.com'], 'c@x.com'])).toEqual(['4158887495', 'a@x.com', 'b@x.com', 'c@x.com']);
		expect(parseList(42)).toEqual(['42']);
	});

	it('gives an empty list for nothing at all', () => {
		expect(parseList(undefined)).toEqual([]);
		expect(parseList(null)).toEqual([]);
		expect(parseList('  ')).toEqual([]);
	});
});

describe('normalizeDomain', () => {
	it.each([
		['acme.com', 'acme.com'],
		['  Acme.COM ', 'acme.com'],
		['https://www.acme.com/about?x=1#team', 'www.acme.com'],
		['http://acme.com:8080/', 'acme.com'],
		['acme.com/pricing', 'acme.com'],
		['acme.com.', 'acme.com'],
	])('reads %j as %j', (typed, domain) => {
		expect(normalizeDomain(typed)).toBe(domain);
		expect(isDomain(normalizeDomain(typed))).toBe(true);
	});

	it('does not make a domain out of what is none', () => {
		expect(isDomain(normalizeDomain('Acme Inc'))).toBe(false);
		expect(isDomain(normalizeDomain('localhost'))).toBe(false);
		expect(isDomain(normalizeDomain(''))).toBe(false);
	});
});

describe('emails and session IDs', () => {
	it('tells an email address from other text', () => {
		expect(isEmail('ava@acme.com')).toBe(true);
		expect(isEmail('ava@acme')).toBe(false);
		expect(isEmail('acme.com')).toBe(false);
	});

	it('accepts only UUIDs as lookalike session IDs', () => {
		expect(isUuid('58adaa77-7a6e-4c9b-8c2d-820a6538e613')).toBe(true);
		expect(isUuid('58adaa77')).toBe(false);
	});
});
