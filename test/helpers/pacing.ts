/** Lusha's per-minute windows, shrunk on both sides so a test need not wait a minute. */
import { PACES } from '../../nodes/shared/transport/rateLimit';
import type { Sandbox } from './sandbox';

/**
 * For each test: account usage (5) and the webhook API (100) get `windowMs` instead of a minute,
 * in the sandbox and in the node's pacer alike. The documented figures are checked in test/shared/transport/rateLimit.test.ts.
 */
export function useShortMinuteWindows(handle: { sandbox: Sandbox }, windowMs: number) {
	const documented = { usage: PACES.accountUsage.windowMs, webhooks: PACES.webhookApi.windowMs };
	beforeEach(() => {
		PACES.accountUsage.windowMs = windowMs;
		PACES.webhookApi.windowMs = windowMs;
		handle.sandbox.configure({ usageWindowMs: windowMs, webhookWindowMs: windowMs });
	});
	afterEach(() => {
		PACES.accountUsage.windowMs = documented.usage;
		PACES.webhookApi.windowMs = documented.webhooks;
	});
}
