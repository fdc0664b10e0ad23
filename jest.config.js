/** Unit and sandbox tests. The end-to-end suite in real n8n runs separately (scripts/test.js). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.(t|j)s$': ['@swc/jest'] },
	testTimeout: 60_000,
	setupFiles: ['<rootDir>/test/setup.ts'],
};
