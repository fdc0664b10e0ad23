/**
 * V3 enrichment cases (issues #11 and #15): Search and Enrich at N = 1,000 and 10,000; the same 1,000
 * items one request per item, as Lusha's own node sends them; Pay Only for Matches against the single
 * search-and-enrich call on 1,000 items with 30% unmatched, in credits and requests.
 *
 * The floor is measure.ts's: R / 25 s at Lusha's pace, with the sandbox answering in 150 ms.
 */
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { runNode } from '../test/helpers/n8n';
import type { Row } from './measure';
import { floorSeconds, heapSampler } from './measure';

export interface SandboxProcess {
	url: string;
	apiKey: string;
	counts(): Promise<Record<string, number>>;
	requests(): Promise<Array<{ key: string; statusCode?: number }>>;
	state(): Promise<{ creditsUsed: number; people: Array<{ email: string }> }>;
	configure(patch: IDataObject): Promise<unknown>;
	reset(): Promise<unknown>;
}

interface Context {
	sandbox: SandboxProcess;
	credential: { apiKey: string; baseUrl: string };
	limits: IDataObject;
	phases: string[];
}

const SEARCH_AND_ENRICH = 'POST /v3/contacts/search-and-enrich';
const SEARCH = 'POST /v3/contacts/search';
const ENRICH = 'POST /v3/contacts/enrich';


/** One row of the table from what a case measured. */
function row(name: string, measured: { requests: number; expected: string; items: number; wall: number; floor: number; peak?: number; answered429: number }): Row {
	return {
		case: name,
		requests: measured.requests,
		expected: measured.expected,
		items: measured.items,
		wallSeconds: measured.wall.toFixed(2),
		floorSeconds: measured.floor.toFixed(2),
		wallOverFloor: (measured.wall / measured.floor).toFixed(2),
		peakHeapMB: measured.peak === undefined ? '-' : measured.peak.toFixed(0),
		answered429: measured.answered429,
	};
}

async function fresh(ctx: Context) {
	await ctx.sandbox.reset();
	await ctx.sandbox.configure(ctx.limits);
	// A new one-second window, so the previous case's requests do not slow this one.
	await sleep(1100);
	global.gc?.();
}

async function searchAndEnrich(ctx: Context, emails: string[], payOnlyForMatches: boolean) {
	const stopHeap = heapSampler();
	const result = await runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: {
			resource: 'contact',
			operation: 'searchAndEnrich',
			identifyBy: 'email',
			email: '={{ $json.email }}',
			reveal: ['emails'],
			payOnlyForMatches,
			// Every item is its own request entry here: the case measures batching, not de-duplication.
			options: { sameIdentityOnce: false },
		},
		items: emails.map((email) => ({ email })),
	});
	const peak = stopHeap();
	if (result.error || result.items.length !== emails.length) throw new Error(`search and enrich failed: ${result.error?.message ?? result.items.length}`);
	const wall = (result.run.data.resultData.runData.Lusha[0].executionTime ?? 0) / 1000;
	const counts = await ctx.sandbox.counts();
	const answered429 = (await ctx.sandbox.requests()).filter((r) => r.statusCode === 429).length;
	const { creditsUsed } = await ctx.sandbox.state();
	return { result, wall, peak, counts, answered429, credits: creditsUsed };
}

/** Lusha's own node: one search-and-enrich request per item, one item after the other. */
async function onePerItem(ctx: Context, emails: string[]) {
	const started = performance.now();
	for (const email of emails) {
		const response = await fetch(`${ctx.sandbox.url}${SEARCH_AND_ENRICH.slice(5)}`, {
			method: 'POST',
			headers: { api_key: ctx.sandbox.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ contacts: [{ clientReferenceId: '0', email }], reveal: ['emails'] }),
		});
		await response.json();
	}
	return (performance.now() - started) / 1000;
}

export async function enrichmentCases(ctx: Context): Promise<Row[]> {
	const rows: Row[] = [];
	const known = (await ctx.sandbox.state()).people.map((p) => p.email);
	const emails = (n: number) => Array.from({ length: n }, (_, i) => known[i % known.length]);

	let bulkWall1000 = 0;
	for (const n of [1_000, 10_000]) {
		await fresh(ctx);
		const run = await searchAndEnrich(ctx, emails(n), false);
		const requests = run.counts[SEARCH_AND_ENRICH] ?? 0;
		if (n === 1_000) bulkWall1000 = run.wall;
		rows.push(
			row(`V3 Search and Enrich (contacts), N=${n.toLocaleString('en-US')}`, {
				requests,
				expected: `ceil(N/100)=${Math.ceil(n / 100)}`,
				items: run.result.items.length,
				wall: run.wall,
				floor: floorSeconds(requests),
				peak: run.peak,
				answered429: run.answered429,
			}),
		);
	}

	await fresh(ctx);
	const perItemWall = await onePerItem(ctx, emails(1_000));
	const perItemRequests = (await ctx.sandbox.counts())[SEARCH_AND_ENRICH] ?? 0;
	rows.push(
		row('Same 1,000 items, one request per item (Lusha’s node)', {
			requests: perItemRequests,
			expected: 'N=1000',
			items: 1_000,
			wall: perItemWall,
			floor: floorSeconds(perItemRequests),
			answered429: (await ctx.sandbox.requests()).filter((r) => r.statusCode === 429).length,
		}),
	);
	ctx.phases.push(
		`1,000 items: one request per item took ${perItemWall.toFixed(1)} s in ${perItemRequests} requests; batched, ${bulkWall1000.toFixed(2)} s in 10 requests (${(perItemWall / bulkWall1000).toFixed(0)}× the time, ${perItemRequests / 10}× the requests).`,
	);

	// 1,000 items, 30% of them unknown to Lusha.
	const mixed = Array.from({ length: 1_000 }, (_, i) => (i % 10 < 3 ? `nobody${i}@unknown.example` : known[i % known.length]));
	const unmatched = mixed.filter((email) => email.endsWith('@unknown.example'));
	const compare: string[] = [];
	for (const payOnlyForMatches of [true, false]) {
		await fresh(ctx);
		const run = await searchAndEnrich(ctx, mixed, payOnlyForMatches);
		const requests = (run.counts[SEARCH] ?? 0) + (run.counts[ENRICH] ?? 0) + (run.counts[SEARCH_AND_ENRICH] ?? 0);
		const floor = payOnlyForMatches ? floorSeconds(run.counts[SEARCH] ?? 0) + floorSeconds(run.counts[ENRICH] ?? 0) : floorSeconds(requests);
		const name = payOnlyForMatches ? 'Pay Only for Matches' : 'single search-and-enrich';
		rows.push(
			row(`${name}, 1,000 items (30% unmatched)`, {
				requests,
				expected: payOnlyForMatches ? 'search 10 + enrich ≤10' : '10',
				items: run.result.items.length,
				wall: run.wall,
				floor,
				peak: run.peak,
				answered429: run.answered429,
			}),
		);
		await fresh(ctx);
		const alone = await searchAndEnrich(ctx, unmatched, payOnlyForMatches);
		compare.push(`${name}: ${run.credits} credits in ${requests} requests (the 300 unmatched alone: ${alone.credits} credits)`);
	}
	ctx.phases.push(`Credits, 1,000 items with 30% unmatched, reveal emails: ${compare.join('; ')}.`);
	return rows;
}
