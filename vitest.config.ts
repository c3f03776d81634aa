import { defineConfig } from 'vitest/config';

// Two projects: pure domain/unit tests (fast, no database) and integration tests that drive a
// real Directus started in-process by tests/setup/global-setup.ts (SQLite, or PostgreSQL when
// DB_CLIENT=pg).
export default defineConfig({
	test: {
		teardownTimeout: 3000,
		// Integration files share one Directus and some start servers of their own: one file at a time.
		fileParallelism: false,
		projects: [
			{
				test: {
					name: 'unit',
					include: ['extensions/after-sales/src/**/*.test.ts', 'snapshots/**/*.test.ts', 'scripts/**/*.test.ts'],
					environment: 'node',
				},
			},
			{
				test: {
					name: 'integration',
					include: ['tests/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/setup/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 180_000,
					pool: 'forks',
				},
			},
		],
	},
});
