// Builds exceljs into extensions/after-sales/dist/exceljs.js: one minified ES module for Node
// (built-ins stay imports), loaded lazily by dist/api.js (see extensions/after-sales/extension.config.js).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);

export default defineConfig({
	logLevel: 'warn',
	ssr: { noExternal: true, target: 'node' },
	build: {
		ssr: true,
		target: 'node22',
		minify: 'terser', // esbuild keeps the whitespace of ES libraries
		outDir: fileURLToPath(new URL('../extensions/after-sales/dist', import.meta.url)),
		emptyOutDir: false,
		copyPublicDir: false,
		lib: { entry: require.resolve('exceljs'), formats: ['es'] },
		rollupOptions: { output: { inlineDynamicImports: true, entryFileNames: 'exceljs.js' } },
	},
});
