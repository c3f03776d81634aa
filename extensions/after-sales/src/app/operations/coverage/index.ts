// Flow operation after-sales-coverage (三包判定 / warranty coverage), Studio side. Option and
// overview texts are `$t:` keys (studio-strings.ts): the Flow editor shows them in the admin's
// language. Directus does not translate the name and description with the project's strings, so
// the name is Chinese and the description English.
import { defineOperationApp } from '@directus/extensions-sdk';
import { type StudioString, t } from '../../studio-strings';

const choices = (prefix: string, values: string[]) => values.map((value) => ({ value, text: t(`${prefix}_${value}` as StudioString) }));

export default defineOperationApp({
	id: 'after-sales-coverage',
	name: '三包判定',
	icon: 'verified_user',
	description: 'Warranty coverage: serial + date → covered, reasons, next remedy (WTY-3)',
	overview: ({ serial, at, fault_category }) => [
		{ label: t('coverage_serial'), text: serial ?? '' },
		{ label: t('coverage_date'), text: at || t('now') },
		...(fault_category ? [{ label: t('coverage_fault_category'), text: fault_category }] : []),
	],
	// A function: Directus translates its `$t:` texts when the form is drawn (see studio-strings.ts).
	options: () => [
		{ field: 'serial', name: t('coverage_serial'), type: 'string', meta: { width: 'half', interface: 'input', required: true, options: { placeholder: '{{$trigger.body.serial}}' } } },
		{ field: 'at', name: t('coverage_at'), type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '2026-11-22 · {{$trigger.body.at}}' }, note: t('empty_is_now') } },
		{ field: 'fault_category', name: t('coverage_fault_category'), type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: 'hydraulic' }, note: t('coverage_fault_category_note') } },
		{
			field: 'fault_scope', name: t('coverage_fault_scope'), type: 'string',
			meta: { width: 'half', interface: 'select-dropdown', options: { allowNone: true, allowOther: true, choices: choices('fault_scope', ['whole_machine', 'main_part', 'wear_part']) } },
		},
		{
			field: 'fault_cause', name: t('coverage_fault_cause'), type: 'string',
			meta: { width: 'half', interface: 'select-dropdown', options: { allowNone: true, allowOther: true, choices: choices('fault_cause', [
				'normal', 'misuse', 'accident', 'unauthorised_disassembly', 'non_design_fault', 'customer_supplied_part',
			]) } },
		},
		{ field: 'serious', name: t('coverage_serious'), type: 'boolean', meta: { width: 'half', interface: 'boolean' } },
	],
});
