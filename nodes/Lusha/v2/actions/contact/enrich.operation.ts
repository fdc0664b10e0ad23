import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { optionsCollection, simplifyField } from '../../../../shared/helpers/fields';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { contactRevealField } from '../../families/enrichment/fields';
import { runEnrich } from '../../families/enrichment/run';
import { waitForWaterfallOption } from '../../families/enrichment/waterfallJob';
import { onItemErrorField } from '../../helpers/bulkEngine';
import { saveToTableFields } from '../../helpers/tableClient';
import { CONTACT_IDS_DEFAULT } from '../../../../shared/helpers/idDefaults';

const show = showFor('contact', 'enrich');

export const description: INodeProperties[] = [
	{
		displayName: 'Lusha Contact IDs',
		name: 'ids',
		type: 'string',
		default: CONTACT_IDS_DEFAULT,
		required: true,
		placeholder: 'v1.…',
		description: 'The IDs to reveal, separated by commas; by default each incoming item’s ID (from Contact → Search or Prospect, or a Lusha Trigger’s person). Up to 100 go in one call.',
		displayOptions: show,
	},
	contactRevealField('enrich', 'Only fields that come back are charged, and a field already revealed for your account is free.'),
	{
		displayName: 'Use Data Waterfall',
		name: 'waterfallEnabled',
		type: 'boolean',
		default: true,
		description: 'Whether to ask your enabled third-party providers when Lusha’s own data has no match',
		hint: 'Lusha runs the waterfall by default on accounts that have it, and the providers bill at their own rates. Contacts it is still working on come later through a job: the node waits for them up to Options → Wait for Waterfall. Turn off to reveal Lusha’s own data only.',
		displayOptions: show,
	},
	simplifyField('contact', 'enrich', 'one email and phone, job, company, location'),
	onItemErrorField('contact', 'enrich'),
	...saveToTableFields('contact', 'enrich'),
	optionsCollection('contact', 'enrich', [waitForWaterfallOption, ...creditGuardOptions]),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runEnrich.call(this, items, 'contact', '/v3/contacts/enrich', '/v3/contacts/jobs/{jobId}');
}
