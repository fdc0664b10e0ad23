/**
 * The end-to-end suite against the latest n8n 1.x (test/e2e/runtime-1x, on Node 22): the same tests
 * as the 2.x run, except the browser test, which checks the sandbox page rather than n8n.
 */
const base = require('./jest.config');

module.exports = {
	...base,
	testPathIgnorePatterns: ['/node_modules/', '/browser[^/]*\\.e2e\\.ts$'],
	globals: { lushaN8nRuntime: '1x' },
};
