// The dealer/technician portal is a standalone page (not a Studio extension), so it bundles its own
// Vue. Built into dist/portal/ and served by the endpoint at /after-sales/portal/.
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root: here,
	base: './',
	plugins: [vue()],
	logLevel: 'warn',
	build: { outDir: fileURLToPath(new URL('../../../dist/portal', import.meta.url)), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
});
