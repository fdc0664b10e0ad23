import { createHash } from 'crypto';
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { IdentifyBy } from '../shared/api/identities';
import type { EntityType } from '../shared/api/signalCatalogue';
import { parseList } from '../shared/helpers/input';

export type TriggerEvent = 'signal' | 'optOut';
export type OnConflict = 'fail' | 'takeOver' | 'skip';

/** What the builder asked the trigger to watch, read once per lifecycle call. */
export interface TriggerSettings {
	event: TriggerEvent;
	url: string;
	entityType: EntityType;
	identifyBy: IdentifyBy;
	/** Lusha IDs, emails, LinkedIn URLs or domains, as given. */
	identities: string[];
	signalTypes: string[];
	name: string;
	onConflict: OnConflict;
	onUnmatched: 'fail' | 'skip';
}

const IDENTITY_FIELDS: Record<IdentifyBy, { name: string; label: string; example: string }> = {
	id: { name: 'entityIds', label: 'Entity IDs', example: 'Lusha contact or company ID' },
	email: { name: 'emails', label: 'Emails', example: 'email' },
	linkedinUrl: { name: 'linkedinUrls', label: 'LinkedIn URLs', example: 'LinkedIn profile URL' },
	domain: { name: 'domains', label: 'Domains', example: 'company domain' },
};

/** LinkedIn URLs and domains are compared the way people paste them: case, scheme, www. and trailing slashes aside. */
function normalizeIdentity(identifyBy: IdentifyBy, value: string): string {
	if (identifyBy === 'email') return value.toLowerCase();
	if (identifyBy === 'domain') return value.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '');
	if (identifyBy === 'linkedinUrl') return value.replace(/\/+$/, '');
	return value;
}

export function settingsOf(context: IHookFunctions): TriggerSettings {
	const event = context.getNodeParameter('event', 'signal') as TriggerEvent;
	const entityType = context.getNodeParameter('entityType', 'contact') as EntityType;
	const identifyBy = (event === 'signal' ? context.getNodeParameter('identifyBy', 'id') : 'id') as IdentifyBy;
	const field = IDENTITY_FIELDS[identifyBy];
	const identities =
		event === 'signal' ? [...new Set(parseList(context.getNodeParameter(field.name, '')).map((v) => normalizeIdentity(identifyBy, v)))] : [];
	if (event === 'signal' && identities.length === 0) {
		throw new NodeOperationError(context.getNode(), `${field.label} is empty: add at least one ${field.example} to watch`, {
			description: 'Separate them with commas or new lines, or map an expression that returns a list.',
		});
	}
	const signalTypes = event === 'signal' ? ((context.getNodeParameter('signalTypes', []) as string[]) ?? []) : ['optOut'];
	return {
		event,
		url: context.getNodeWebhookUrl('setup') as string,
		entityType: event === 'signal' ? entityType : 'contact',
		identifyBy,
		identities,
		signalTypes: signalTypes.length ? signalTypes : ['allSignals'],
		name: (context.getNodeParameter('subscriptionName', '') as string) || 'n8n Lusha Trigger',
		onConflict: context.getNodeParameter('onConflict', 'fail') as OnConflict,
		onUnmatched: identifyBy === 'id' ? 'fail' : (context.getNodeParameter('onUnmatched', 'fail') as 'fail' | 'skip'),
	};
}

/** A digest of everything the subscriptions depend on: when it changes, re-activation rebuilds them. */
export function fingerprintOf(settings: TriggerSettings): string {
	const { event, url, entityType, identifyBy, identities, signalTypes, name, onUnmatched } = settings;
	const canonical = JSON.stringify([event, url, entityType, identifyBy, [...identities].sort(), [...signalTypes].sort(), name, onUnmatched]);
	return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
