/** The fields Contact and Company Search, Enrich and Search and Enrich share. */
import type { INodeProperties } from 'n8n-workflow';

import type { EntityType } from '../../../../shared/api/signalCatalogue';
import { showFor } from '../../../../shared/helpers/display';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import { maxResultsPerSignalField } from '../../../../shared/signalFields';

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
