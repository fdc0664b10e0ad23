/**
 * Issue #14: Company → Get Signal Score for 10,000 companies, 100 per call. Target: R = 100 requests
 * and wall ≤ 1.2 × floor, with run.ts's floor of R / 25 s (Lusha's 25 requests a second). The phase
 * line shows where the rest goes: reading the 10,000 items before the first call, then the pacing.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runNode } from '../test/helpers/n8n';
import type { Row } from './measure';
import { floorSeconds, heapSampler } from './measure';

interface Context {
	sandbox: {
		counts(): Promise<Record<string, number>>;
		requests(): Promise<Array<{ key: string; statusCode?: number; at?: number }>>;
		configure(patch: IDataObject): Promise<unknown>;
		reset(): Promise<unknown>;
	};
	credential: { apiKey: string; baseUrl: string };
	limits: IDataObject;
	phases: string[];
}

const ROUTE = 'POST /v3/companies/signal-score';

export async function signalScoreCase(ctx: Context): Promise<Row> {
	const n = 10_000;
	const { companies } = (await (await fetch(`${ctx.credential.baseUrl}/__admin/v3`)).json()) as { companies: Array<{ domain: string }> };
	const domains = companies.map((company) => company.domain);
	await ctx.sandbox.reset();
	await ctx.sandbox.configure(ctx.limits);
	await sleep(1100);
	global.gc?.();
	const stopHeap = heapSampler();
	const startedAt = Date.now();
	const result = await runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: { resource: 'company', operation: 'getSignalScore', identifyBy: 'domain', domain: '={{ $json.domain }}' },
		items: Array.from({ length: n }, (_, i) => ({ domain: domains[i % domains.length] })),
	});
	const peak = stopHeap();
	if (result.error || result.items.length !== n) throw new Error(`signal score failed: ${result.error?.message ?? result.items.length}`);
	const wall = (result.run.data.resultData.runData.Lusha[0].executionTime ?? 0) / 1000;
	const sent = (await ctx.sandbox.requests()).filter((r) => r.key === ROUTE);
	const requests = sent.length;
	const floor = floorSeconds(requests);
	const arrivals = sent.map((r) => r.at ?? startedAt);
	ctx.phases.push(
		`Signal score N=${n.toLocaleString('en-US')}: first request ${Math.min(...arrivals) - startedAt} ms after the workflow started (every item is read and checked first), first to last request ${Math.max(...arrivals) - Math.min(...arrivals)} ms`,
	);
	return {
		case: `Company signal score, N=${n.toLocaleString('en-US')}`,
		requests,
		expected: 'ceil(N/100)=100',
		items: result.items.length,
		wallSeconds: wall.toFixed(2),
		floorSeconds: floor.toFixed(2),
		wallOverFloor: (wall / floor).toFixed(2),
		peakHeapMB: peak.toFixed(0),
		answered429: sent.filter((r) => r.statusCode === 429).length,
	};
}
