/**
 * The end-to-end suite against the latest n8n 1.x (test/e2e/runtime-1x, on Node 22): the same tests
 * as the 2.x run, the browser test included.
 */
const base = require('./jest.config');

module.exports = {
	...base,
	globals: { lushaN8nRuntime: '1x' },
};
