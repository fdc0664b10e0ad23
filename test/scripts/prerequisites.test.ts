/** `npm test` on a machine without chromium, postgresql or redis-server stops at once with the command that installs them. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

describe('npm test prerequisites', () => {
	it('stops in well under 10 s, naming what is missing and the apt-get command, before any test runs', () => {
		const started = Date.now();
		// No PATH: redis-server cannot be found; LUSHA_CHROMIUM points nowhere.
		const run = spawnSync(process.execPath, [path.resolve(__dirname, '../../scripts/test.js')], {
			env: { LUSHA_CHROMIUM: '/nonexistent/chromium', PATH: '' },
			encoding: 'utf8',
			timeout: 10_000,
		});
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('needs chromium');
		expect(run.stderr).toMatch(/sudo apt-get update && sudo apt-get install -y chromium( postgresql)? redis-server\n/);
		expect(run.stdout).toBe('');
	});
});
