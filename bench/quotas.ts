/**
 * Paging and pacing as Lusha enforces them (https://docs.lusha.com/faq/api, https://docs.lusha.com/rate-limiting):
 * Return All at Lusha's 50-a-page clamp; 10,000 enrichments under a plan's account-wide windows (scaled clock);
 * and a run that uses up the hourly quota, which must keep every result it paid for.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runNode } from '../test/helpers/n8n';
import type { SandboxProcess } from './enrichment';
import type { Row } from './measure';
import { floorSeconds, heapSampler } from './measure';

interface Context {
	sandbox: SandboxProcess;
	credential: { apiKey: string; baseUrl: string };
	limits: IDataObject;
}

/** One row of the quota table: what a run that met a quota kept, against what it paid for. */
export interface QuotaRow {
	case: string;
	callsAnswered: number;
	itemsKept: number;
	itemsPaidFor: number;
	keptOverPaid: string;
	creditsKept: string;
	creditsCharged: number;
	creditsKeptOverCharged: string;
	resumeAt: string;
}

const PROSPECT = 'POST /v3/contacts/prospecting';
const SEARCH_AND_ENRICH = 'POST /v3/contacts/search-and-enrich';

/** The plan windows in the sandbox (rateLimits.js): Premium 300/min, 1,800/hour, 18,000/day; Pro 50/150/1,500. */
const PLANS = { premium: { minute: 300, hour: 1800, day: 18_000 }, pro: { minute: 50, hour: 150, day: 1500 } };

/**
 * The floor for R requests under sliding windows, each allowing L_w starts in any W_w: the R-th request can start
 * no earlier than floor((R − 1) / L_w) × W_w, for every window w; the floor is the largest of these, and never below
 * measure.ts's R / 25 s, so the ratios compare with the other rows.
 */
function windowFloorSeconds(requests: number, windows: Array<{ limit: number; seconds: number }>): number {
	return Math.max(floorSeconds(requests), ...windows.map((w) => Math.floor((requests - 1) / w.limit) * w.seconds));
}

async function fresh(ctx: Context, patch: IDataObject) {
	await ctx.sandbox.reset();
	await ctx.sandbox.configure({ ...ctx.limits, ...patch });
	await sleep(1100);
	global.gc?.();
}

const wallOf = (result: Awaited<ReturnType<typeof runNode>>) => (result.run.data.resultData.runData.Lusha[0].executionTime ?? 0) / 1000;
const answered = async (ctx: Context, key: string, status: number) => (await ctx.sandbox.requests()).filter((r) => r.key === key && r.statusCode === status).length;

function row(name: string, m: { requests: number; expected: string; items: number; wall: number; floor: number; peak: number; answered429: number }): Row {
	return { case: name, requests: m.requests, expected: m.expected, items: m.items, wallSeconds: m.wall.toFixed(2), floorSeconds: m.floor.toFixed(2), wallOverFloor: (m.wall / m.floor).toFixed(2), peakHeapMB: m.peak.toFixed(0), answered429: m.answered429 };
}

const prospectAll = (ctx: Context, extra: IDataObject = {}) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'prospect', returnAll: true, size: 100, contactFilters: { jobTitles: 'Manager' }, ...extra } });

const enrich = async (ctx: Context, n: number) => {
	const people = (await ctx.sandbox.state()).people;
	return await runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: { resource: 'contact', operation: 'searchAndEnrich', identifyBy: 'email', email: '={{ $json.email }}', reveal: ['emails'], payOnlyForMatches: false, options: { sameIdentityOnce: false } },
		items: Array.from({ length: n }, (_, i) => ({ email: people[i % people.length].email })),
	});
};

/** (1) Return All when Lusha serves 50 a page, whatever is asked (size 100 here): every result, at the rate floor. */
async function returnAllAtClamp(ctx: Context): Promise<Row> {
	const n = 10_000;
	await fresh(ctx, { pageSizeClamp: 50, syntheticProspects: n });
	const stopHeap = heapSampler();
	const result = await prospectAll(ctx);
	const peak = stopHeap();
	const pages = await answered(ctx, PROSPECT, 200);
	if (result.error || result.items.length !== n) throw new Error(`prospect at a 50 clamp failed: ${result.error?.message ?? result.items.length}`);
	return row('Prospect (V3), Return All, 10,000 results, Lusha serves 50 a page (size 100 asked)', { requests: pages, expected: `${n / 50} pages of 50`, items: result.items.length, wall: wallOf(result), floor: floorSeconds(pages), peak, answered429: await answered(ctx, PROSPECT, 429) });
}

/** (2) 10,000 enrichments (100 calls of 100) under a plan's account-wide windows, on a scaled clock. */
async function enrichUnderPlan(ctx: Context, plan: 'premium' | 'pro', windowScale: number): Promise<Row> {
	const n = 10_000;
	await fresh(ctx, { accountWideLimits: true, plan, windowScale });
	const stopHeap = heapSampler();
	const result = await enrich(ctx, n);
	const peak = stopHeap();
	if (result.error || result.items.length !== n) throw new Error(`enrich under ${plan} failed: ${result.error?.message ?? result.items.length}`);
	const calls = await answered(ctx, SEARCH_AND_ENRICH, 200);
	const q = PLANS[plan];
	const windows = [
		{ limit: 25, seconds: 1 },
		{ limit: q.minute, seconds: 60 * windowScale },
		{ limit: q.hour, seconds: 3600 * windowScale },
		{ limit: q.day, seconds: 86_400 * windowScale },
	];
	return row(`Search and Enrich (V3), N=10,000, ${plan} windows (${q.minute}/min, ${q.hour.toLocaleString('en-US')}/h; clock ×${windowScale})`, {
		requests: calls,
		expected: 'ceil(N/100)=100',
		items: result.items.length,
		wall: wallOf(result),
		floor: windowFloorSeconds(calls, windows),
		peak,
		answered429: await answered(ctx, SEARCH_AND_ENRICH, 429),
	});
}

function creditsOfPages(items: INodeExecutionData[]): number {
	return items.reduce((sum, item) => {
		const billing = item.json.billing as { creditsCharged?: number; resultsReturned?: number } | undefined;
		return sum + (billing?.resultsReturned ? Number(billing.creditsCharged ?? 0) / billing.resultsReturned : 0);
	}, 0);
}

function creditsOfCalls(items: INodeExecutionData[]): number {
	const byCall = new Map<string, number>();
	for (const item of items) {
		const billing = item.json.billing as IDataObject | undefined;
		if (billing?.requestId) byCall.set(String(billing.requestId), Number(billing.creditsCharged ?? 0));
	}
	return [...byCall.values()].reduce((a, b) => a + b, 0);
}

/** (3) Runs that use up the hourly quota: what they kept against what they paid for, and where to resume. */
async function hourlyQuotaRuns(ctx: Context): Promise<QuotaRow[]> {
	const rows: QuotaRow[] = [];
	// Premium with its hourly quota lowered to 40 calls, so the run meets it part-way.
	await fresh(ctx, { accountWideLimits: true, plan: 'premium', planQuotas: { hour: 40 }, pageSizeClamp: 50, syntheticProspects: 10_000 });
	const walk = await prospectAll(ctx);
	const pages = await answered(ctx, PROSPECT, 200);
	const paidItems = pages * 50;
	const charged = (await ctx.sandbox.state()).creditsUsed;
	const kept = creditsOfPages(walk.items);
	rows.push({
		case: 'Prospect Return All, hourly quota met after 40 calls',
		callsAnswered: pages,
		itemsKept: walk.items.length,
		itemsPaidFor: paidItems,
		keptOverPaid: (walk.items.length / paidItems).toFixed(2),
		creditsKept: kept.toFixed(1),
		creditsCharged: charged,
		creditsKeptOverCharged: (kept / charged).toFixed(2),
		resumeAt: `Start Page ${String(walk.items[walk.items.length - 1]?.json.nextPage)}`,
	});

	await fresh(ctx, { accountWideLimits: true, plan: 'premium', planQuotas: { hour: 40 } });
	const result = await enrich(ctx, 10_000);
	const calls = await answered(ctx, SEARCH_AND_ENRICH, 200);
	const done = result.items.filter((item) => (item.json.error as IDataObject | undefined)?.code !== 'RATE_LIMITED');
	const enrichCharged = (await ctx.sandbox.state()).creditsUsed;
	const enrichKept = creditsOfCalls(result.items);
	rows.push({
		case: 'Search and Enrich N=10,000, hourly quota met after 40 calls',
		callsAnswered: calls,
		itemsKept: done.length,
		itemsPaidFor: calls * 100,
		keptOverPaid: (done.length / (calls * 100)).toFixed(2),
		creditsKept: enrichKept.toFixed(1),
		creditsCharged: enrichCharged,
		creditsKeptOverCharged: enrichCharged ? (enrichKept / enrichCharged).toFixed(2) : '-',
		resumeAt: `${result.items.length - done.length} items RATE_LIMITED`,
	});
	return rows;
}

export async function quotaCases(ctx: Context): Promise<{ rows: Row[]; quotaRows: QuotaRow[] }> {
	const rows = [await returnAllAtClamp(ctx), await enrichUnderPlan(ctx, 'premium', 0.05), await enrichUnderPlan(ctx, 'pro', 0.1)];
	return { rows, quotaRows: await hourlyQuotaRuns(ctx) };
}
