import { sveltekit } from '@sveltejs/kit/vite';
import { NodePackageImporter } from 'sass-embedded';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	css: {
		// govuk-frontend keeps an old IE media hack, "(min-width: 0\0)", that the minifier cannot parse:
		// recover by dropping that one rule instead of failing the build.
		lightningcss: { errorRecovery: true },
		preprocessorOptions: {
			scss: {
				importers: [new NodePackageImporter()],
				// govuk-frontend's own deprecation notes are not ours to fix.
				quietDeps: true,
				silenceDeprecations: ['import']
			}
		}
	},
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		pool: 'forks',
		testTimeout: 30_000,
		hookTimeout: 120_000
	}
});
