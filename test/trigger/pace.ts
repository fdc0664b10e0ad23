/**
 * Lusha's webhook API allows 100 calls a minute per account, and both the node's pacer and the
 * sandbox enforce it. Tests that activate and deactivate many triggers shrink that minute on both
 * sides (as test/foundation/transport.test.ts does), so they need not wait for it.
 */
import { PACES } from '../../nodes/shared/transport/rateLimit';
import type { Sandbox } from '../helpers/sandbox';

export function shrinkWebhookMinute(ctx: { sandbox: Sandbox }, windowMs = 1000) {
	const documented = PACES.webhookApi.windowMs;
	beforeEach(() => {
		PACES.webhookApi.windowMs = windowMs;
		ctx.sandbox.configure({ webhookWindowMs: windowMs });
	});
	afterEach(() => {
		PACES.webhookApi.windowMs = documented;
	});
}
