import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { lushaApiError, lushaErrorMessage, lushaNetworkError } from './errors';
import { MAX_ATTEMPTS, accountOf, backoffMs, endpointPacer, paceBucket, retryDecision } from './rateLimit';

export const LUSHA_CREDENTIAL = 'lushaApi';

export type LushaContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions | ITriggerFunctions;

export interface LushaCredentials {
	apiKey: string;
	baseUrl?: string;
	webhookSecret?: string;
}

export interface LushaRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/v2/person`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** The item the request serves; errors then point at it. */
	itemIndex?: number;
	/** Statuses the caller handles itself; they come back instead of throwing. */
	acceptStatuses?: number[];
	/** Replaces the default hint for a status, e.g. to name the plan-gated option behind a 403. */
	statusHints?: Partial<Record<number, string>>;
	/** Replaces the hint for one of Lusha's error codes, e.g. TABLE_NOT_FOUND. */
	codeHints?: Partial<Record<string, string>>;
	/** Epoch ms by which the call must be over: no retry starts after it and no attempt waits past it (the trigger's activation budget). */
	deadline?: number;
}

export interface LushaResponse<T> {
	statusCode: number;
	body: T;
	headers: Record<string, string>;
}

export function normalizeBaseUrl(baseUrl: string | undefined): string {
	return (baseUrl?.trim() || 'https://api.lusha.com').replace(/\/+$/, '');
}

export async function lushaCredentials(context: LushaContext): Promise<LushaCredentials> {
	return await context.getCredentials<LushaCredentials & IDataObject>(LUSHA_CREDENTIAL);
}

/**
 * The one way this package talks to Lusha: authenticated through n8n (so its proxy and TLS
 * settings apply), paced per account, retried on 429/499/5xx, and failing with a NodeApiError
 * that carries Lusha's message, a hint, and never the API key.
 */
export async function lushaRequestFull<T = IDataObject>(
	context: LushaContext,
	request: LushaRequest,
): Promise<LushaResponse<T>> {
	const credentials = await lushaCredentials(context);
	const baseURL = normalizeBaseUrl(credentials.baseUrl);
	const secrets = [credentials.apiKey, credentials.webhookSecret];
	const bucket = paceBucket(accountOf(baseURL, credentials.apiKey), request.method, request.path);

	// Lusha's last answer: when a later attempt is cut short (a deadline), that answer is the reason to report.
	let lastAnswer: { statusCode: number; body: unknown; attempt: number; headers: Record<string, string> } | undefined;
	const apiError = (answer: { statusCode: number; body: unknown; attempt: number; headers: Record<string, string> }) =>
		lushaApiError(context.getNode(), {
			statusCode: answer.statusCode,
			body: answer.body,
			itemIndex: request.itemIndex,
			path: request.path,
			statusHints: request.statusHints,
			codeHints: request.codeHints,
			secrets,
			attempts: answer.attempt,
			headers: answer.headers,
		});
	for (let attempt = 1; ; attempt++) {
		await endpointPacer.waitTurn(bucket);
		let response: IN8nHttpFullResponse;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(context, LUSHA_CREDENTIAL, {
				method: request.method,
				baseURL,
				url: request.path,
				qs: request.qs,
				// Lusha's array query parameters (e.g. signals) are repeated: signals=a&signals=b.
				arrayFormat: 'repeat',
				body: request.body,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				...(request.deadline === undefined ? {} : { timeout: Math.max(1000, request.deadline - Date.now()) }),
			})) as IN8nHttpFullResponse;
		} catch (error) {
			if (attempt < MAX_ATTEMPTS && isTransientNetworkError(error) && inTime(request, backoffMs(attempt))) {
				await sleep(backoffMs(attempt));
				continue;
			}
			if (lastAnswer && request.deadline !== undefined) throw apiError(lastAnswer);
			throw lushaNetworkError(context.getNode(), unwrapCause(error), baseURL, secrets, request.itemIndex);
		}

		const headers = response.headers as Record<string, string>;
		endpointPacer.observe(bucket.key, headers);
		const statusCode = response.statusCode;
		if (statusCode < 300 || request.acceptStatuses?.includes(statusCode)) {
			return { statusCode, body: response.body as T, headers };
		}

		const decision = retryDecision(statusCode, lushaErrorMessage(response.body), headers, attempt);
		lastAnswer = { statusCode, body: response.body, attempt, headers };
		if (decision.retry && inTime(request, decision.delayMs)) {
			if (statusCode === 429) endpointPacer.holdFor(bucket.key, decision.delayMs);
			else await sleep(decision.delayMs);
			continue;
		}
		throw apiError(lastAnswer);
	}
}

/** Whether a retry after `delayMs` still starts before the request's deadline, with a second to spare for the call itself. */
function inTime(request: LushaRequest, delayMs: number): boolean {
	return request.deadline === undefined || Date.now() + delayMs + 1000 < request.deadline;
}

export async function lushaRequest<T = IDataObject>(context: LushaContext, request: LushaRequest): Promise<T> {
	return (await lushaRequestFull<T>(context, request)).body;
}

function unwrapCause(error: { cause?: unknown; message?: string; code?: string }): {
	message?: string;
	code?: string;
} {
	const cause = error.cause as { message?: string; code?: string } | undefined;
	return cause?.code ? cause : error;
}

const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

function isTransientNetworkError(error: { code?: string; cause?: unknown }): boolean {
	const code = unwrapCause(error).code ?? error.code;
	return code !== undefined && TRANSIENT_CODES.has(code);
}
