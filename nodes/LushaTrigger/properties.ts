import type { INodeProperties } from 'n8n-workflow';

import { entityTypeField, signalTypesField } from '../shared/signalFields';

const forSignals = { show: { event: ['signal'] } };
const identifiedBy = (identifyBy: string) => ({ show: { event: ['signal'], identifyBy: [identifyBy] } });

/** A list field for the identities to watch: commas or new lines, or an expression returning a list. */
function identityList(name: string, displayName: string, identifyBy: string, placeholder: string, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder,
		description: `${what}, separated by commas or new lines, or an expression that returns a list. On activation each is looked up in Lusha (a search, which reveals no emails or phones and is billed as one) and one subscription is created per match.`,
		displayOptions: identifiedBy(identifyBy),
	};
}

const alreadyWatched = (options: Array<{ name: string; value: string; description: string }>, event: string): INodeProperties => ({
	displayName: 'When an Entity Is Already Watched',
	name: 'onConflict',
	type: 'options',
	options,
	default: 'fail',
	description:
		'Lusha keeps one subscription per entity per account, whatever its URL. What to do when another workflow, another n8n or a hand-made subscription already watches one.',
	displayOptions: { show: { event: [event] } },
});

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Lusha only delivers to a public HTTPS URL. Behind a proxy or tunnel, set n8n’s WEBHOOK_URL so the URL above is reachable from the internet.',
		name: 'httpsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Signal', value: 'signal', description: 'A watched person or company has a signal: a job change, a promotion, funding, a hiring surge and more' },
			{
				name: 'Contact Opted Out',
				value: 'optOut',
				description: 'Someone asked Lusha to stop processing their data (GDPR): erase them from your own systems. One per Lusha account.',
			},
		],
		default: 'signal',
	},
	{ ...entityTypeField(), displayOptions: forSignals },
	{
		displayName: 'Identify By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Lusha ID', value: 'id' },
			{ name: 'Email', value: 'email', description: 'Found in Lusha when activated' },
			{ name: 'LinkedIn URL', value: 'linkedinUrl', description: 'Found in Lusha when activated' },
		],
		default: 'id',
		displayOptions: { show: { event: ['signal'], entityType: ['contact'] } },
	},
	{
		displayName: 'Identify By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Lusha ID', value: 'id' },
			{ name: 'Domain', value: 'domain', description: 'Found in Lusha when activated' },
		],
		default: 'id',
		displayOptions: { show: { event: ['signal'], entityType: ['company'] } },
	},
	{
		displayName: 'Entity IDs',
		name: 'entityIds',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		placeholder: '4158887495, 4158887496',
		description:
			'Lusha person or company IDs to watch, separated by commas or new lines, or an expression that returns a list. One subscription is created per ID.',
		displayOptions: identifiedBy('id'),
	},
	identityList('emails', 'Emails', 'email', 'ava@acme.com, ben@globex.com', 'Work emails of the people to watch'),
	identityList('linkedinUrls', 'LinkedIn URLs', 'linkedinUrl', 'https://www.linkedin.com/in/ava-adler', 'LinkedIn profile URLs of the people to watch'),
	identityList('domains', 'Domains', 'domain', 'acme.com, globex.com', 'Website domains of the companies to watch'),
	{
		displayName: 'When an Identity Is Not Found',
		name: 'onUnmatched',
		type: 'options',
		options: [
			{ name: 'Fail Activation', value: 'fail', description: 'List the ones Lusha did not find, and subscribe to nothing' },
			{ name: 'Skip It', value: 'skip', description: 'Watch the ones Lusha found, and list the others in n8n’s log' },
		],
		default: 'fail',
		displayOptions: { show: { event: ['signal'] }, hide: { identifyBy: ['id'] } },
	},
	{ ...signalTypesField('Which signals start the workflow.'), displayOptions: forSignals },
	alreadyWatched(
		[
			{ name: 'Fail Activation', value: 'fail', description: 'Subscribe to nothing, and name the entities and where they are watched' },
			{ name: 'Take Over', value: 'takeOver', description: 'Move those subscriptions to this workflow (the other one stops getting their signals)' },
			{ name: 'Skip Them', value: 'skip', description: 'Watch the rest, and list the skipped ones in n8n’s log' },
		],
		'signal',
	),
	alreadyWatched(
		[
			{ name: 'Fail Activation', value: 'fail', description: 'Keep the existing opt-out subscription, and name its URL' },
			{ name: 'Take Over', value: 'takeOver', description: 'Move the account’s opt-out events to this workflow' },
		],
		'optOut',
	),
	{
		displayName: 'Subscription Name',
		name: 'subscriptionName',
		type: 'string',
		default: 'n8n Lusha Trigger',
		description: 'Shown in Lusha next to each subscription this trigger creates',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Check Subscriptions Every (Minutes)',
				name: 'checkEveryMinutes',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 5,
				description:
					'How often n8n checks this trigger’s subscriptions at Lusha: it switches back on those Lusha disabled (after a delivery failed 4 times, for example while n8n was down), and starts a run with one item marked isNotice that says which entities missed signals and when, or which entities this trigger no longer watches. One Lusha call per check, no credits. n8n also checks at every start. 0 turns the periodic check off.',
			},
			{
				displayName: 'Flatten Output',
				name: 'flatten',
				type: 'boolean',
				default: true,
				description:
					'Whether to put the event’s fields, the watched identity and the dates at the top level (the original payload stays under "raw")',
			},
			{
				displayName: 'Ignore Duplicate Deliveries',
				name: 'ignoreDuplicates',
				type: 'boolean',
				default: true,
				description:
					'Whether to acknowledge but not run a delivery this workflow already received (the last 10,000, up to 48 hours). Lusha may deliver the same event more than once.',
			},
			{
				displayName: 'Recover Missed Signals',
				name: 'recoverMissedSignals',
				type: 'boolean',
				default: false,
				description:
					'Whether, after Lusha disabled subscriptions of this trigger (failed deliveries) and the trigger switched them back on, to fetch the signals those entities had in between from Lusha’s signals API and output each once, marked recovered. Costs credits: Lusha bills the read as Get Signals does, 1 credit per entity per signal type with signals in the period, including signals that were delivered and are left out here.',
			},
			{
				displayName: 'Timestamp Tolerance (Minutes)',
				name: 'timestampToleranceMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1440,
				description:
					'Refuse deliveries signed longer ago than this. The default, 24 hours, covers Lusha’s retries; a replayed delivery is still acknowledged without a run. 0 turns the check off.',
			},
		],
	},
];
