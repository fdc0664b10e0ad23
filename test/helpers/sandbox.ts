/** Starts one sandbox per test file and resets it before every test. */
import type { SandboxCredential } from './n8n';
import { endpointPacer } from '../../nodes/shared/transport/rateLimit';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox } = require('../sandbox/server');

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

export function useSandbox(options: Record<string, unknown> = {}) {
	const handle = {} as { sandbox: Sandbox; credential: SandboxCredential };
	beforeAll(async () => {
		handle.sandbox = await startSandbox(options);
		// A trailing slash, as users paste it, must be harmless.
		handle.credential = { apiKey: handle.sandbox.apiKey, baseUrl: `${handle.sandbox.url}/` };
	});
	beforeEach(() => {
		handle.sandbox.reset();
		// A fresh sandbox has fresh rate windows: the node's pacer starts afresh with it, as a new n8n process would.
		endpointPacer.reset();
	});
	afterAll(async () => handle.sandbox.close());
	return handle;
}

/** Everything n8n recorded, as one string, for "the key never appears anywhere" checks. */
export function everythingRecorded(value: unknown): string {
	const seen = new WeakSet();
	return JSON.stringify(value, (_key, v) => {
		if (v instanceof Error) return { ...v, message: v.message, stack: v.stack, description: (v as { description?: string }).description };
		if (v && typeof v === 'object') {
			if (seen.has(v)) return undefined;
			seen.add(v);
		}
		return v;
	});
}
