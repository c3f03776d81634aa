// exceljs (about 0.8 MB minified, with its stream and zip libraries) is only needed for XLSX
// exports. It is built into its own file, dist/exceljs.js (scripts/vendor.vite.mjs), which
// dist/api.js imports on the first XLSX request, so api.js stays small and the package still
// needs no node_modules of its own.
export default {
	plugins: [
		{
			name: 'after-sales-lazy-exceljs',
			resolveId: (id) => (id === 'exceljs' ? { id: './exceljs.js', external: true } : null),
		},
	],
};
