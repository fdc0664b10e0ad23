/** Unit and sandbox tests. The end-to-end suite in real n8n has its own config (test/e2e). */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	// Type errors are `npm run lint`'s job; here TypeScript only transpiles, which keeps the suite fast.
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }] },
	testTimeout: 60_000,
	setupFiles: ['<rootDir>/test/setup.ts'],
};
