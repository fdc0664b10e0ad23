import type { IDataObject } from 'n8n-workflow';

import type { Subscription } from '../shared/api/subscriptions';

/** What the trigger remembers between activation and deactivation, in the workflow's static data. Never the secret. */
export interface TriggerStaticData extends IDataObject {
	/** Every subscription this node has at Lusha, kept current after each call. */
	subscriptionIds?: string[];
	webhookUrl?: string;
	/** The settings the subscriptions were made for (see fingerprintOf). */
	fingerprint?: string;
	/** Lusha ID → the email, LinkedIn URL or domain the builder gave, for the output. */
	identities?: Record<string, string>;
	identifyBy?: string;
	/** Set while Lusha may hold subscriptions at this URL that subscriptionIds does not list (an answer lost in transit). */
	sweepUrl?: string;
	/** Subscriptions of other URLs this trigger took over (When an Entity Is Already Watched: Take Over), to hand back on deactivation. */
	takenOver?: Subscription[];
}
