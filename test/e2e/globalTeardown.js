'use strict';
const fs = require('node:fs');
const path = require('node:path');

/** Peak resident memory of a process, from the kernel's high-water mark. */
function peakMemoryMB(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
		return Number.isFinite(kb) ? (kb / 1024).toFixed(0) : 'unknown';
	} catch {
		return 'unknown';
	}
}

module.exports = async function globalTeardown() {
	const stack = globalThis.__LUSHA_E2E__;
	if (!stack) return;
	const peak = peakMemoryMB(stack.n8n.process.pid);
	await stack.n8n.stop();
	await stack.sandbox.stop();
	if (process.env.LUSHA_E2E_STATE) fs.rmSync(path.dirname(process.env.LUSHA_E2E_STATE), { recursive: true, force: true });
	process.stdout.write(`[e2e] suite wall time ${((Date.now() - stack.started) / 1000).toFixed(1)} s; n8n peak memory (VmHWM) ${peak} MB\n`);
};
