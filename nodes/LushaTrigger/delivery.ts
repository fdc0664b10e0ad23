import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { z } from 'zod';

import { isRepeatDelivery } from './dedupe';
import { webhookSecret } from './secret';
import { verifySignature } from './signature';

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

/** An opt-out notice has no envelope (no id or type), only the person and the withdrawn data points. */
const optOutDelivery = z
	.object({
		contactId: z.union([z.string(), z.number()]),
		fullName: z.string(),
		contactOptOutDate: z.string(),
		datapoints: z.array(z.object({ datapointId: z.string(), datapointType: z.string() }).passthrough()),
	})
	.passthrough();

type SignalDelivery = z.infer<typeof signalDelivery>;

export interface DeliveryOptions {
	flatten?: boolean;
	ignoreDuplicates?: boolean;
	timestampToleranceMinutes?: number;
}

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

/** The date a signal happened, whichever field its type uses. */
function signalDateOf(data: IDataObject): unknown {
	return data.signalDate ?? data.eventEffectiveDate ?? data.articlePublishedDate ?? data.activityPublicationDate ?? null;
}

/** Top-level fields a no-code user can map directly, the signal's own fields, and the untouched payload under `raw`. */
export function deliveryItem(payload: IDataObject, flatten: boolean): IDataObject {
	if (!flatten) return payload;
	if (!('type' in payload)) {
		return { signalType: 'optOut', entityType: 'contact', entityId: String(payload.contactId), ...payload, raw: payload };
	}
	const delivery = payload as SignalDelivery;
	const data = (delivery.data ?? {}) as IDataObject;
	return {
		...data,
		signalType: delivery.type,
		entityType: delivery.entityType ?? null,
		entityId: delivery.entityId === undefined ? null : String(delivery.entityId),
		signalDate: signalDateOf(data) as string | null,
		creditsCharged: delivery.billing?.creditsCharged ?? 0,
		deliveryId: delivery.id,
		subscriptionId: delivery.subscriptionId ?? null,
		deliveredAt: delivery.timestamp ?? null,
		raw: payload,
	};
}

/**
 * A Lusha delivery: verify it, acknowledge at once with Lusha's 201 body (Lusha allows 10 s, then
 * retries and finally disables the subscription), and only then hand the signal to the workflow.
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
	const tolerance = (options.timestampToleranceMinutes ?? 5) * 60;
	let check = verifySignature(signed, await webhookSecret(this), tolerance);
	if (!check.valid && check.reason === 'signature does not match') {
		// The account secret may have been rotated since we read it.
		check = verifySignature(signed, await webhookSecret(this, 'refresh'), tolerance);
	}
	if (!check.valid) return reply.call(this, 401, { message: `Invalid Lusha signature: ${check.reason}` });

	const signal = signalDelivery.safeParse(body.value);
	const optOut = signal.success ? undefined : optOutDelivery.safeParse(body.value);
	if (!signal.success && !optOut?.success) {
		return reply.call(this, 400, { message: 'Not a Lusha delivery: expected an id and a type' });
	}
	const payload = (signal.success ? signal.data : optOut?.data) as IDataObject;
	const deliveryId = signal.success ? signal.data.id : undefined;

	const acknowledgement = { received: true, timestamp: new Date().toISOString(), webhookId: deliveryId ?? null };
	this.getResponseObject().status(201).json(acknowledgement);

	const triggerKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	if (deliveryId && options.ignoreDuplicates !== false && isRepeatDelivery(triggerKey, deliveryId)) {
		return { noWebhookResponse: true };
	}
	return {
		noWebhookResponse: true,
		workflowData: [[{ json: deliveryItem(payload, options.flatten !== false) }]],
	};
}
