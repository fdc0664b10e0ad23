/** Simplify: the fields a sales user maps, whatever Lusha's answer calls them. */
import { companyInSingleShape, simplifyCompany, simplifyPerson } from '../../../nodes/Lusha/v1/helpers/simplify';

describe('simplifyPerson', () => {
	it('picks the work email and the callable mobile from the single answer’s `address`/`type` and `Mobile`', () => {
		const simplified = simplifyPerson({
			personId: 1,
			firstName: 'Dustin',
			lastName: 'Moskovitz',
			emailAddresses: [
				{ address: 'dustin@gmail.com', type: 'private' },
				{ address: 'dustin@lusha.com', type: 'work' },
			],
			phoneNumbers: [
				{ number: '+1 555 0100', phoneType: 'Direct', doNotCall: false },
				{ number: '+1 555 0101', phoneType: 'Mobile', doNotCall: true },
				{ number: '+1 555 0102', phoneType: 'Mobile', doNotCall: false },
			],
		});
		expect(simplified).toMatchObject({ fullName: 'Dustin Moskovitz', email: 'dustin@lusha.com', phone: '+1 555 0102', phoneDoNotCall: false });
	});

	it('picks the work email and the mobile from the bulk answer’s `email`/`emailType` and `mobile`', () => {
		const simplified = simplifyPerson({
			fullName: 'John Doe',
			emails: ['johndoe@gmail.com', 'john.doe@amazon.com'],
			emailAddresses: [
				{ email: 'johndoe@gmail.com', emailType: 'private' },
				{ email: 'john.doe@amazon.com', emailType: 'work' },
			],
			phoneNumbers: [{ number: '+1 555-123-4567', phoneType: 'mobile', doNotCall: false }],
		});
		expect(simplified).toMatchObject({ email: 'john.doe@amazon.com', phone: '+1 555-123-4567' });
	});

	it('falls back to the first address and number when none is work or mobile, and to plain string lists', () => {
		expect(simplifyPerson({ emails: ['a@x.com', 'b@x.com'], phones: ['+1 555 0199'] })).toMatchObject({ email: 'a@x.com', phone: '+1 555 0199', phoneDoNotCall: null });
		expect(simplifyPerson({ emailAddresses: [{ email: 'p@x.com', emailType: 'private' }] }).email).toBe('p@x.com');
		expect(simplifyPerson({})).toMatchObject({ email: null, phone: null, personId: null });
	});

	it('reads prospecting records: seniority list, company fields at the top', () => {
		const simplified = simplifyPerson({ id: 'c-1', firstName: 'Ava', lastName: 'Cohen', seniority: [{ id: 6, value: 'manager' }], companyName: 'Acme', jobTitle: 'Manager Sales', departments: ['Sales'] });
		expect(simplified).toMatchObject({ personId: 'c-1', fullName: 'Ava Cohen', seniority: 'manager', companyName: 'Acme', jobTitle: 'Manager Sales', departments: ['Sales'] });
	});
});

describe('simplifyCompany and the bulk company shape', () => {
	it('gives the same summary for the single and the flatter bulk answer', () => {
		const single = { id: 5000, name: 'Acme', domain: 'acme.com', location: { city: 'Boston', country: 'United States' }, social: { linkedin: { url: 'https://www.linkedin.com/company/acme' } } };
		const bulk = { id: 5000, name: 'Acme', domain: 'acme.com', city: 'Boston', country: 'United States', linkedin: 'https://www.linkedin.com/company/acme' };
		expect(simplifyCompany(companyInSingleShape(bulk))).toEqual(simplifyCompany(companyInSingleShape(single)));
		expect(simplifyCompany(single)).toMatchObject({ companyId: 5000, city: 'Boston', linkedinUrl: 'https://www.linkedin.com/company/acme' });
	});
});
