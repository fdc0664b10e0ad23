/**
 * Performance figures, printed, not asserted. Wall time is the Lusha node's execution time as n8n
 * records it (the test's source node and engine bookkeeping around it are excluded). The sandbox runs at Lusha's documented 25 requests a
 * second per endpoint with 150 ms latency, so the floor for R requests is R / 25 seconds.
 */
import { LoggerProxy, sleep } from 'n8n-workflow';

import { endpointPacer } from '../nodes/shared/transport/rateLimit';
import { runNode } from '../test/helpers/n8n';
import type { Row } from './measure';
import { floorSeconds, heapSampler } from './measure';
import { enrichmentCases } from './enrichment';
import { signalScoreCase } from './signalScore';
import { quotaCases } from './quotas';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandboxProcess } = require('../test/sandbox/process');

LoggerProxy.init({ error: () => {}, warn: () => {}, info: () => {}, debug: () => {} } as never);

async function main() {
	// In its own process, like Lusha: its CPU is not the node's.
	const limits = { latencyMs: 150, rateLimitPerSecond: 25 };
	const sandbox = await startSandboxProcess({ config: limits });
	// A reset sandbox has fresh rate windows: the node's pacer starts afresh with it, as in the tests
	// (test/helpers/sandbox.ts), so no case inherits what the pacer learnt from the one before.
	const resetSandbox = sandbox.reset;
	sandbox.reset = async () => {
		endpointPacer.reset();
		return await resetSandbox();
	};
	const credential = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
	const rows: Row[] = [];
	const phases: string[] = [];

	// A warm-up run, as in a long-lived n8n process: module loading and JIT are not what is measured.
	await runNode({ credential, parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}' }, items: [{ email: 'warm@up.example' }, { email: 'warm2@up.example' }] });
	const people = (await sandbox.state()).people as Array<{ email: string }>;

	for (const n of [1_000, 10_000]) {
		await sandbox.reset();
		await sandbox.configure(limits);
		await sleep(1100);
		const items = Array.from({ length: n }, (_, i) => ({ email: people[i % people.length].email }));
		global.gc?.();
		const stopHeap = heapSampler();
		const started = performance.now();
		const startedAt = Date.now();
		const result = await runNode({ credential, parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}' }, items });
		// n8n's own record of how long the Lusha node ran, as the editor shows it.
		const wall = (result.run.data.resultData.runData.Lusha[0].executionTime ?? 0) / 1000;
		const arrivals = ((await sandbox.requests()) as Array<{ at: number }>).map((r) => r.at);
		phases.push(`N=${n}: workflow start to first request ${Math.min(...arrivals) - startedAt} ms, first to last request ${Math.max(...arrivals) - Math.min(...arrivals)} ms, whole workflow ${(performance.now() - started).toFixed(0)} ms`);
		const peak = stopHeap();
		if (result.error || result.items.length !== n) throw new Error(`person enrich ${n} failed: ${result.error?.message ?? result.items.length}`);
		const answered429 = ((await sandbox.requests()) as Array<{ statusCode?: number }>).filter((r) => r.statusCode === 429).length;
		const counts = await sandbox.counts();
		const requests = (counts['POST /v2/person'] ?? 0) + (counts['GET /v2/person'] ?? 0);
		const floor = floorSeconds(Math.ceil(n / 100));
		rows.push({ case: `Person enrich, N=${n}`, requests, expected: `ceil(N/100)=${Math.ceil(n / 100)}`, items: result.items.length, wallSeconds: wall.toFixed(2), floorSeconds: floor.toFixed(2), wallOverFloor: (wall / floor).toFixed(2), peakHeapMB: peak.toFixed(0), answered429 });
	}

	await sandbox.reset();
	await sandbox.configure({ ...limits, syntheticProspects: 10_000 });
	await sleep(1100);
	global.gc?.();
	const stopHeap = heapSampler();
	const started = performance.now();
	const result = await runNode({ credential, parameters: { resource: 'prospecting', operation: 'searchContacts', returnAll: true } });
	const wall = (result.run.data.resultData.runData.Lusha[0].executionTime ?? (performance.now() - started)) / 1000;
	const peak = stopHeap();
	if (result.error || result.items.length !== 10_000) throw new Error(`search failed: ${result.error?.message ?? result.items.length}`);
	const pages = (await sandbox.counts())['POST /prospecting/contact/search'];
	const searchRejected = ((await sandbox.requests()) as Array<{ statusCode?: number }>).filter((r) => r.statusCode === 429).length;
	const floor = floorSeconds(pages);
	rows.push({ case: 'Search Contacts, Return All, 10,000 results', requests: pages, expected: 'pages of 50 = 200', items: result.items.length, wallSeconds: wall.toFixed(2), floorSeconds: floor.toFixed(2), wallOverFloor: (wall / floor).toFixed(2), peakHeapMB: peak.toFixed(0), answered429: searchRejected });

	// V3 Prospect, Return All at size 100: pages side by side, one item per result. Heap per result should
	// stay flat from 5,000 to 10,000 results (linear growth), not grow with the pages already collected.
	const heapPerThousand: string[] = [];
	for (const n of [5_000, 10_000]) {
		await sandbox.reset();
		await sandbox.configure({ ...limits, syntheticProspects: n });
		await sleep(1100);
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed / 1024 / 1024;
		const stopProspectHeap = heapSampler();
		const prospected = await runNode({ credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'prospect', returnAll: true, size: 100, contactFilters: { jobTitles: 'Manager' } } });
		const prospectPeak = stopProspectHeap();
		const prospectWall = (prospected.run.data.resultData.runData.Lusha[0].executionTime ?? 0) / 1000;
		if (prospected.error || prospected.items.length !== n) throw new Error(`prospect ${n} failed: ${prospected.error?.message ?? prospected.items.length}`);
		const prospectRequests = (await sandbox.requests()) as Array<{ key: string; statusCode?: number }>;
		const prospectPages = prospectRequests.filter((r) => r.key === 'POST /v3/contacts/prospecting' && r.statusCode === 200).length;
		const prospectFloor = floorSeconds(prospectPages);
		rows.push({ case: `Prospect (V3), Return All, ${n.toLocaleString('en-US')} results at size 100`, requests: prospectPages, expected: `${n / 100} pages`, items: prospected.items.length, wallSeconds: prospectWall.toFixed(2), floorSeconds: prospectFloor.toFixed(2), wallOverFloor: (prospectWall / prospectFloor).toFixed(2), peakHeapMB: prospectPeak.toFixed(0), answered429: prospectRequests.filter((r) => r.statusCode === 429).length });
		heapPerThousand.push(`${((prospectPeak - heapBefore) / (n / 1000)).toFixed(2)} MB per 1,000 results at ${n.toLocaleString('en-US')}`);
	}
	phases.push(`Prospect heap growth: ${heapPerThousand.join(', ')} (linear when these match)`);

	rows.push(...(await enrichmentCases({ sandbox, credential, limits, phases })));
	rows.push(await signalScoreCase({ sandbox, credential, limits, phases }));
	const quotas = await quotaCases({ sandbox, credential, limits });
	rows.push(...quotas.rows);

	await sandbox.stop();
	console.table(rows);
	console.table(quotas.quotaRows);
	for (const phase of phases) console.log(phase);
	console.log('Target: wall/floor of 1.2 or less for person enrich, with requests equal to ceil(N/100).');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
