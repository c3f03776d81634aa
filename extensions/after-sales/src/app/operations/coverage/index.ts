// Flow operation after-sales-coverage (三包判定 / warranty coverage), Studio side. Labels are
// bilingual, as in the pack's panels: the Flow editor shows them to zh-CN and en-US admins alike.
import { defineOperationApp } from '@directus/extensions-sdk';

const choices = (pairs: [string, string][]) => pairs.map(([value, text]) => ({ value, text }));

export default defineOperationApp({
	id: 'after-sales-coverage',
	name: '三包判定 / Warranty coverage',
	icon: 'verified_user',
	description: '出厂编号 + 日期 → 是否在保、原因与下一步补救 / Serial + date → covered, reasons, next remedy (WTY-3)',
	overview: ({ serial, at, fault_category }) => [
		{ label: '出厂编号 / Serial', text: serial ?? '' },
		{ label: '日期 / At', text: at || '现在 / now' },
		...(fault_category ? [{ label: '故障类别 / Fault', text: fault_category }] : []),
	],
	options: [
		{ field: 'serial', name: '出厂编号 / Unit serial', type: 'string', meta: { width: 'half', interface: 'input', required: true, options: { placeholder: '{{$trigger.body.serial}}' } } },
		{ field: 'at', name: '判定日期 / At (date or date-time)', type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: '2026-11-22 · {{$trigger.body.at}}' }, note: '空 = 现在 / empty = now' } },
		{ field: 'fault_category', name: '故障类别 / Fault category', type: 'string', meta: { width: 'half', interface: 'input', options: { placeholder: 'hydraulic' }, note: '填写后判定该故障与下一步补救（WTY-9）/ Given: judges this fault and the next remedy (WTY-9)' } },
		{
			field: 'fault_scope', name: '故障范围 / Fault scope', type: 'string',
			meta: { width: 'half', interface: 'select-dropdown', options: { allowNone: true, allowOther: true, choices: choices([['whole_machine', '整机 / Whole machine'], ['main_part', '主要部件 / Main part'], ['wear_part', '易损件 / Wear part']]) } },
		},
		{
			field: 'fault_cause', name: '故障原因 / Fault cause', type: 'string',
			meta: { width: 'half', interface: 'select-dropdown', options: { allowNone: true, allowOther: true, choices: choices([
				['normal', '正常使用故障 / Normal use'], ['misuse', '使用不当 / Misuse'], ['accident', '意外事故 / Accident'],
				['unauthorised_disassembly', '擅自拆修 / Unauthorised disassembly'], ['non_design_fault', '非设计制造原因 / Not a design fault'],
				['customer_supplied_part', '客户自带配件 / Customer-supplied part'],
			]) } },
		},
		{ field: 'serious', name: '严重故障 / Serious fault', type: 'boolean', meta: { width: 'half', interface: 'boolean' } },
	],
});
