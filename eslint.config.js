// eslint 9 flat config: JavaScript and TypeScript recommendations (typescript-eslint, without
// type information so `npm run lint` stays fast; `npm run typecheck` does the type work) and
// eslint-plugin-vue's recommended rules for the panels and the portal. Layout is prettier's job
// (`npm run format:check`), so no formatting rules here.
import js from '@eslint/js';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['**/node_modules/', '**/dist/', 'data/', 'test-results/', 'coverage/', 'bench/results/'] },
	js.configs.recommended,
	tseslint.configs.recommended,
	vue.configs['flat/recommended'],
	{ rules: vue.configs['no-layout-rules'].rules },
	{
		files: ['**/*.vue'],
		languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
	},
	{
		languageOptions: { ecmaVersion: 2024, sourceType: 'module', globals: { ...globals.node } },
	},
	{
		rules: {
			// `_name` marks a value left out on purpose (`const { a: _a, ...rest } = row`, unused callback arguments).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
			// Directus's services and raw knex rows are untyped; each `any` is visible debt, not a build failure.
			'@typescript-eslint/no-explicit-any': 'warn',
		},
	},
	{
		// Tests read JSON answers of a real server (`any` by nature) and define throwaway components.
		files: ['tests/**', 'bench/**', '**/*.test.ts'],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-unused-vars': [
				'warn',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
			'vue/one-component-per-file': 'off',
		},
	},
	{
		files: ['extensions/after-sales/src/app/**'],
		languageOptions: { globals: { ...globals.browser } },
	},
	{
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);
