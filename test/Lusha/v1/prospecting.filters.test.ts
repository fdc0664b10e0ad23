/** Prospecting filter bodies: what the user picks, in the shapes Lusha's v2 spec names. */
import { COMPANY_FILTERS, CONTACT_FILTERS, filterBody } from '../../../nodes/Lusha/v1/actions/prospecting/filters';

const noDates = (value: unknown) => (value ? String(value).slice(0, 10) : undefined);
const picked = (...values: string[]) => ({ values: values.map((value) => ({ value: { __rl: true, mode: 'list', value } })) });

describe('filterBody', () => {
	it('sends contact filters in the spec’s shapes and spelling', () => {
		expect(
			filterBody(
				CONTACT_FILTERS,
				{
					departments: ['Sales'],
					seniority: ['6', '7'],
					existingDataPoints: ['work_email'],
					countries: ['Germany'],
					locations: picked(JSON.stringify({ country: 'Germany', city: 'Berlin' }), 'France'),
					jobTitles: 'VP Sales,\nHead of Sales',
					searchText: '  fintech ',
					signals: ['promotion'],
					signalsStartDate: '2025-05-01T00:00:00.000Z',
				},
				noDates,
			),
		).toEqual({
			departments: ['Sales'],
			seniority: [6, 7],
			existing_data_points: ['work_email'],
			locations: [{ country: 'Germany' }, { country: 'Germany', city: 'Berlin' }, { country: 'France' }],
			jobTitles: ['VP Sales', 'Head of Sales'],
			searchText: 'fintech',
			// `signal` (singular) with `names`, as the spec's ContactFilters say.
			signal: { names: ['promotion'], startDate: '2025-05-01' },
		});
	});

	it('sends technologies as objects, ranges as objects, and bare domains', () => {
		expect(
			filterBody(
				COMPANY_FILTERS,
				{
					technologies: picked('Salesforce', 'HubSpot'),
					sizes: [JSON.stringify({ min: 51, max: 200 }), JSON.stringify({ min: 10001 })],
					mainIndustriesIds: ['1'],
					domains: 'https://www.Apple.com/iphone, microsoft.com',
					locations: picked(JSON.stringify({ country: 'United States', continent: 'North America' })),
					employeesInLinkedInMin: 10,
					employeesInLinkedInMax: 0,
					excludePartialCompanies: true,
					signals: ['surgeInHiring'],
				},
				noDates,
			),
		).toEqual({
			technologies: [{ name: 'Salesforce' }, { name: 'HubSpot' }],
			sizes: [{ min: 51, max: 200 }, { min: 10001 }],
			mainIndustriesIds: [1],
			domains: ['www.apple.com', 'microsoft.com'],
			locations: [{ country: 'United States' }],
			employeesInLinkedIn: { min: 10 },
			excludePartialCompanies: true,
			signal: { names: ['surgeInHiring'] },
		});
	});

	it('leaves out what the user did not fill', () => {
		expect(filterBody(COMPANY_FILTERS, { domains: '', sizes: [], technologies: {}, employeesInLinkedInMin: 0, excludePartialCompanies: false, signals: [] }, noDates)).toEqual({});
	});
});
