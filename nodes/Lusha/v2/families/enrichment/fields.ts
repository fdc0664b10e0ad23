/** The fields Contact and Company Search, Enrich and Search and Enrich share. */
import type { INodeProperties } from 'n8n-workflow';

import type { EntityType } from '../../../../shared/api/signalCatalogue';
import { showFor } from '../../../../shared/helpers/display';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import { maxResultsPerSignalField } from '../../../../shared/signalFields';
import { COMPANY_EXTRAS } from '../../helpers/simplify';

/** Emails and/or phones to reveal: Contact → Enrich and Contact → Search and Enrich. */
export function contactRevealField(operation: string, costNote: string): INodeProperties {
	return {
		displayName: 'Reveal',
		name: 'reveal',
		type: 'multiOptions',
		options: [
			{ name: 'Emails', value: 'emails', description: '1 credit per contact with an email' },
			{ name: 'Phones', value: 'phones', description: '5 credits per contact with a phone' },
		],
		default: ['emails', 'phones'],
		description: `What to reveal. ${costNote}`,
		displayOptions: showFor('contact', operation),
	};
}

const EXTRA_NAMES: Record<(typeof COMPANY_EXTRAS)[number], string> = {
	employeesByDepartment: 'Employees by Department',
	employeesByLocation: 'Employees by Location',
	employeesBySeniority: 'Employees by Seniority',
	competitors: 'Competitors',
	intent: 'Intent Topics',
	estimatedAnnualItSpend: 'Estimated Annual IT Spend',
	monthlyWebsiteTraffic: 'Monthly Website Traffic',
	directParent: 'Direct Parent Company',
	ultimateParent: 'Ultimate Parent Company',
};
/** Charged only when a value comes back (https://docs.lusha.com/changelog/overview for the parents). */
const EXTRA_COST: Partial<Record<(typeof COMPANY_EXTRAS)[number], string>> = {
	estimatedAnnualItSpend: '1 credit per company, only when Lusha has a value',
	monthlyWebsiteTraffic: '1 credit per company, only when Lusha has a value',
	directParent: 'The company that owns it (Lusha ID, name, domain, HQ country). 1 credit, only when it has one; null and free for an independent company.',
	ultimateParent: 'The top of its ownership tree (the direct parent when there is one level). 1 credit, only when it has one; null and free otherwise.',
};

/** Reveal Extras of Company → Enrich and Company → Search and Enrich, with what each costs. */
export function companyRevealField(operation: string): INodeProperties {
	return {
		displayName: 'Reveal Extras',
		name: 'reveal',
		type: 'multiOptions',
		options: COMPANY_EXTRAS.map((value) => ({ name: EXTRA_NAMES[value], value, description: EXTRA_COST[value] ?? '1 credit per company that has it (free when already revealed)' })),
		default: [],
		description: 'Extra data, each charged separately per company',
		displayOptions: showFor('company', operation),
	};
}

/** Options every search-style call takes: partial profiles, and (search only) a signals filter. */
export function searchOptions(entity: EntityType, withSignals: boolean): INodeProperties[] {
	const signals: INodeProperties[] = [
		{
			displayName: 'Only With Signal Names or IDs',
			name: 'signalTypes',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: entity === 'contact' ? 'getContactSignalTypes' : 'getCompanySignalTypes' },
			default: [],
			description: `Return only ${entity === 'contact' ? 'contacts' : 'companies'} with these recent signals, and the signals themselves. Each matched signal costs credits. ${EXPRESSION_LIST_HINT}`,
		},
		{ displayName: 'Signals Since', name: 'signalsStartDate', type: 'dateTime', default: '', description: 'Signals from this date on (Lusha’s default: 6 months ago)' },
	];
	// Lusha honours maxResultsPerSignal on contact search only; company search ignores it.
	if (entity === 'contact') signals.push(maxResultsPerSignalField);
	return [
		{ displayName: 'Include Partial Profiles', name: 'includePartialProfiles', type: 'boolean', default: true, description: 'Whether to accept records Lusha has only partly profiled' },
		...(withSignals ? signals : []),
		...creditGuardOptions,
	];
}
