/** What every bench case measures besides n8n's own execution time. */

/**
 * The floor for R requests: the time Lusha's pace (25 requests a second per endpoint) needs to accept
 * them, R / 25 s. Every case uses this one definition, so their wall/floor ratios compare.
 */
export function floorSeconds(requests: number): number {
	return requests / 25;
}

/** One row of the printed table. */
export interface Row {
	case: string;
	requests: number;
	expected: string;
	items: number;
	wallSeconds: string;
	floorSeconds: string;
	wallOverFloor: string;
	peakHeapMB: string;
	answered429: number;
}

/** Samples the heap every 20 ms until stopped; returns the peak in MB. */
export function heapSampler() {
	let peak = process.memoryUsage().heapUsed;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	}, 20);
	return () => {
		clearInterval(timer);
		return Math.max(peak, process.memoryUsage().heapUsed) / 1024 / 1024;
	};
}
