import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { z } from 'zod';

import { signalDateOf } from '../shared/api/signals';
import { settleCopy, settleWhenAnswered, takeDelivery } from './copies';
import type { DeliveryMemory } from './dedupe';
import { beforeHorizon, deliveryKey, isFirstDelivery } from './dedupe';
import { rememberDeliveredSignal } from './signalMemory';
import type { SignalMemory } from './signalMemory';
import { webhookSecret } from './secret';
import { timestampMs, verifySignature } from './signature';
import type { TriggerStaticData } from './staticData';

/** A signal delivery: Lusha's envelope. Unknown signal types and extra fields pass through. */
const signalDelivery = z
	.object({
		id: z.string().min(1),
		type: z.string().min(1),
		entityType: z.string().optional(),
		entityId: z.union([z.string(), z.number()]).optional(),
		subscriptionId: z.string().optional(),
		data: z.record(z.unknown()).optional(),
		timestamp: z.string().optional(),
		billing: z.object({ creditsCharged: z.number().optional() }).passthrough().optional(),
	})
	.passthrough();

/** An opt-out notice (OptOutWebhookPayload) has no envelope: the person and the data points to erase. */
const optOutDelivery = z
	.object({
		contactId: z.union([z.string(), z.number()]),
		fullName: z.string(),
		contactOptOutDate: z.string(),
		datapoints: z.array(z.object({ datapointId: z.string(), datapointType: z.string() }).passthrough()),
	})
	.passthrough();

type SignalDelivery = z.infer<typeof signalDelivery>;
type OptOutDelivery = z.infer<typeof optOutDelivery>;

export interface DeliveryOptions {
	flatten?: boolean;
	ignoreDuplicates?: boolean;
	timestampToleranceMinutes?: number;
	recoverMissedSignals?: boolean;
}

/** 24 hours: longer than Lusha's retries take, and inside the 48 hours deliveries are remembered. */
export const DEFAULT_TOLERANCE_MINUTES = 1440;

function reply(this: IWebhookFunctions, statusCode: number, body: IDataObject): IWebhookResponseData {
	this.getResponseObject().status(statusCode).json(body);
	return { noWebhookResponse: true };
}

/** Lusha's verification: GET ?challenge=X must come back as exactly {"challenge":"X"}. Writes no static data. */
export function answerChallenge(this: IWebhookFunctions): IWebhookResponseData {
	const challenge = this.getRequestObject().query.challenge;
	if (typeof challenge !== 'string' || challenge === '') {
		return reply.call(this, 400, { message: 'Expected a challenge query parameter' });
	}
	return reply.call(this, 200, { challenge });
}

function parseJson(raw: Buffer | string | undefined, parsed: unknown): { ok: boolean; value: unknown } {
	if (raw === undefined || raw.length === 0) return { ok: parsed !== undefined && typeof parsed === 'object', value: parsed };
	try {
		return { ok: true, value: JSON.parse(raw.toString()) };
	} catch {
		return { ok: false, value: undefined };
	}
}

/** Lusha sends opt-out dates as "2026-04-22 14:32:11.412" in UTC; ISO-8601 is what n8n's date tools expect. */
export function isoFromLusha(value: unknown): string | null {
	if (typeof value !== 'string' || value.trim() === '') return null;
	const text = value.trim();
	const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
	const time = Date.parse(iso);
	return Number.isNaN(time) ? text : new Date(time).toISOString();
}

/** Who the builder asked to watch, as they named it, next to Lusha's ID. */
export function watchedIdentity(stored: TriggerStaticData, entityId: string | null): IDataObject {
	if (entityId === null) return { identifyBy: null, identity: null };
	const identity = stored.identities?.[entityId];
	return identity ? { identifyBy: stored.identifyBy ?? 'id', identity } : { identifyBy: 'id', identity: entityId };
}

function optOutItem(payload: OptOutDelivery): IDataObject {
	const of = (type: string) => payload.datapoints.filter((d) => d.datapointType === type).map((d) => d.datapointId);
	return {
		...payload,
		signalType: 'optOut',
		entityType: 'contact',
		entityId: String(payload.contactId),
		contactId: String(payload.contactId),
		contactOptOutDate: isoFromLusha(payload.contactOptOutDate),
		contactExposureDate: isoFromLusha(payload.contactExposureDate),
		emails: of('email'),
		phones: of('phone'),
		isTest: false,
		raw: payload,
	};
}

/**
 * Top-level fields a no-code user can map directly, the signal's own fields, and the untouched
 * payload under `raw`. A payload without Lusha's envelope (a test delivery, mock data) passes
 * through, marked as a test.
 */
export function deliveryItem(payload: IDataObject, flatten: boolean, stored: TriggerStaticData = {}): IDataObject {
	if (!flatten) return payload;
	const optOut = optOutDelivery.safeParse(payload);
	if (!('type' in payload) && optOut.success) return optOutItem(optOut.data);
	const signal = signalDelivery.safeParse(payload);
	if (!signal.success) {
		const data = (payload.data && typeof payload.data === 'object' ? payload.data : {}) as IDataObject;
		const entityId = payload.entityId ?? data.personId ?? data.companyId;
		const { data: _data, ...envelope } = payload;
		return {
			...envelope,
			...data,
			signalType: (payload.signalType ?? payload.type ?? null) as string | null,
			entityType: (payload.entityType ?? null) as string | null,
			entityId: entityId === undefined ? null : String(entityId),
			signalDate: signalDateOf(data),
			creditsCharged: 0,
			deliveryId: null,
			isTest: true,
			raw: payload,
		};
	}
	const delivery = signal.data as SignalDelivery;
	const data = (delivery.data ?? {}) as IDataObject;
	const entityId = delivery.entityId === undefined ? null : String(delivery.entityId);
	return {
		...data,
		signalType: delivery.type,
		entityType: delivery.entityType ?? null,
		entityId,
		...watchedIdentity(stored, entityId),
		signalDate: signalDateOf(data),
		creditsCharged: delivery.billing?.creditsCharged ?? 0,
		deliveryId: delivery.id,
		subscriptionId: delivery.subscriptionId ?? null,
		deliveredAt: delivery.timestamp ?? null,
		isTest: delivery.id.startsWith('test-'),
		raw: payload,
	};
}

/** What identifies a delivery across Lusha's retries: its id; for an opt-out, the person and date; else its signature. */
function identityOf(payload: unknown, signature: string): string {
	const record = (payload ?? {}) as IDataObject;
	if (typeof record.id === 'string' && record.id) return `id:${record.id}`;
	const optOut = optOutDelivery.safeParse(payload);
	if (optOut.success) return `optOut:${optOut.data.contactId}:${optOut.data.contactOptOutDate}`;
	return `signature:${signature}`;
}

/**
 * Lusha's 201 body, given to n8n to send: the POST webhook is declared onReceived, 201, with no
 * response data of its own. n8n 2.x sends it only once it has recorded the run and saved the
 * static data; when it cannot (SQLite's write lock timing out under a burst, a database down), the
 * answer is a 500 and Lusha retries, so an acknowledged delivery is always a recorded run. n8n 1.x
 * sends it before it starts the run.
 *
 * n8n 2.x clears static data's change flag while it records the run (it wraps the same object in
 * a new Workflow), and would then skip saving what this request remembered. n8n reads the answer
 * after recording and just before saving, so reading it flags `memory` as changed again.
 */
function acknowledge(body: IDataObject, workflowData?: IWebhookResponseData['workflowData'], memory?: IDataObject): IWebhookResponseData {
	if (!workflowData) return { webhookResponse: body };
	const answer: IWebhookResponseData = { workflowData };
	Object.defineProperty(answer, 'webhookResponse', {
		enumerable: true,
		get: () => {
			// Assigning flags static data as changed, even with the same value.
			const [first] = Object.keys(memory ?? {});
			if (memory && first !== undefined) memory[first] = memory[first];
			return body;
		},
	});
	return answer;
}

/** A copy that arrives while an earlier one is still being recorded: refused, so Lusha asks again once that is settled. */
function stillRecording(this: IWebhookFunctions): IWebhookResponseData {
	this.getResponseObject().setHeader('retry-after', '30');
	return reply.call(this, 503, { message: 'An earlier copy of this delivery is still being recorded; retry later' });
}

/**
 * A Lusha delivery: verify it, remember it in the workflow's static data, and acknowledge it with
 * Lusha's 201 body as soon as n8n has recorded its run (Lusha allows 10 s, then retries and finally
 * disables the subscription). The workflow runs after, however long it takes.
 */
export async function receiveDelivery(this: IWebhookFunctions, options: DeliveryOptions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer };
	const body = parseJson(request.rawBody, this.getBodyData());
	if (!body.ok) return reply.call(this, 400, { message: 'Expected a JSON body' });

	const signed = {
		signature: request.headers['x-lusha-signature'],
		timestamp: request.headers['x-lusha-timestamp'],
		rawBody: request.rawBody,
		parsedBody: body.value,
	};
	const tolerance = (options.timestampToleranceMinutes ?? DEFAULT_TOLERANCE_MINUTES) * 60;
	let check = verifySignature(signed, await webhookSecret(this), tolerance);
	if (!check.valid && check.reason === 'signature does not match') {
		// The account secret may have been rotated since we read it.
		try {
			check = verifySignature(signed, await webhookSecret(this, 'refresh'), tolerance);
		} catch {
			return reply.call(this, 503, { message: 'Could not read the account’s webhook secret from Lusha to check this delivery; retry later' });
		}
	}
	if (!check.valid) return reply.call(this, 401, { message: `Invalid Lusha signature: ${check.reason}` });

	const stored = this.getWorkflowStaticData('node') as TriggerStaticData & DeliveryMemory & SignalMemory;
	const remember = options.ignoreDuplicates !== false;
	if (remember && beforeHorizon(stored, timestampMs(String(signed.timestamp)) ?? 0)) {
		return reply.call(this, 401, { message: 'Invalid Lusha signature: timestamp older than the deliveries this trigger still remembers' });
	}
	const payload = (body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? body.value : { payload: body.value }) as IDataObject;
	const deliveryId = typeof payload.id === 'string' ? payload.id : null;
	const acknowledgement = { received: true, timestamp: new Date().toISOString(), webhookId: deliveryId };

	const triggerKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (remember) {
		const key = deliveryKey(identityOf(payload, String(signed.signature)));
		const copy = await takeDelivery(triggerKey, key);
		if (copy === 'busy') return stillRecording.call(this);
		if (copy === 'duplicate') return acknowledge(acknowledgement);
		if (!isFirstDelivery(stored, triggerKey, key)) {
			settleCopy(triggerKey, key, copy.claimed, true);
			return acknowledge(acknowledgement);
		}
		settleWhenAnswered.call(this, triggerKey, key, copy.claimed);
	}
	// So a recovery after an outage leaves this signal out (see signalMemory).
	if (options.recoverMissedSignals === true) await rememberDeliveredSignal(stored, triggerKey, payload);
	return acknowledge(acknowledgement, [[{ json: deliveryItem(payload, options.flatten !== false, stored) }]], stored);
}
