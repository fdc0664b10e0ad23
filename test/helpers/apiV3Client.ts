/** Plain-fetch client for the V3 sandbox tests: one sandbox per file, reset before each test. */
import { useSandbox } from './sandbox';

export type Reply = { status: number; headers: Record<string, string>; body: any };

/** `options` go to startSandbox, e.g. `{ asLusha: true }` or `{ config: { pageSizeClamp: 50 } }`. */
export function useV3(options: Record<string, unknown> = {}) {
	const ctx = useSandbox(options);
	const call = async (method: string, path: string, body?: unknown, apiKey?: string): Promise<Reply> => {
		const response = await fetch(`${ctx.sandbox.url}${path}`, {
			method,
			headers: { api_key: apiKey ?? ctx.sandbox.apiKey, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return { status: response.status, headers: Object.fromEntries(response.headers), body: text ? JSON.parse(text) : undefined };
	};
	return {
		ctx,
		call,
		post: (path: string, body: unknown) => call('POST', path, body),
		get: (path: string) => call('GET', path),
		get sandbox() {
			return ctx.sandbox;
		},
	};
}

/** Lusha's 400: `{ statusCode: 400, message, errors }` with `expected` among the errors. */
export function expect400(reply: Reply, expected: string | RegExp) {
	expect(reply.status).toBe(400);
	expect(reply.body.statusCode).toBe(400);
	expect(typeof reply.body.message).toBe('string');
	const errors: string[] = reply.body.errors ?? [reply.body.message];
	if (typeof expected === 'string') expect(errors).toContain(expected);
	else expect(errors.some((e) => expected.test(e))).toBe(true);
}
