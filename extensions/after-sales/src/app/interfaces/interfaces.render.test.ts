// The settings forms mounted with the Studio stubbed (a renderer onto plain objects, no DOM): each
// edit emits the JSON shape the rules read, and an invalid one shows the server's words inline
// (CAL-1, CAL-2, CAL-3, WTY-6, WTY-11, DLR-3, DLR-4, RPT-4, CMP-5, ESC-1, ESC-4).
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { defineComponent, h, ref, type Component } from 'vue';
import { loadVueForTest, removeCompiled } from '../lib/load-vue-for-test';
import { mount, type Mounted, type TestNode } from '../lib/test-renderer';

const studio = { language: 'zh-CN' };
const FIELDS: Record<string, { name: string; choices?: { text: string; value: string }[] }> = {
	'service_settings.calendar': { name: '工作日历' },
	'service_settings.busy_seasons': { name: '农忙季节' },
	'service_settings.parts_return_reminder_days': { name: '旧件提醒提前天数' },
	'complaints.severity': { name: '严重程度', choices: [{ text: '一般', value: 'normal' }, { text: '严重', value: 'serious' }, { text: '重大', value: 'critical' }] },
	'complaints.category': { name: '类别', choices: [{ text: '产品质量', value: 'quality' }, { text: '服务态度', value: 'attitude' }] },
	'products.category': { name: '品类', choices: [{ text: '拖拉机', value: 'tractor' }, { text: '收获机械', value: 'harvester' }] },
	'dealers.tier': { name: '等级', choices: [{ text: 'A 级', value: 'A' }, { text: 'B 级', value: 'B' }, { text: 'C 级', value: 'C' }] },
};
vi.mock('@directus/extensions-sdk', () => ({
	useStores: () => ({
		useUserStore: () => ({ language: studio.language, currentUser: { language: studio.language } }),
		useFieldsStore: () => ({
			getField: (collection: string, field: string) => {
				const f = FIELDS[`${collection}.${field}`];
				return f ? { collection, field, name: f.name, meta: { options: { choices: f.choices } } } : null;
			},
			fields: [],
		}),
		useCollectionsStore: () => ({ getCollection: () => null }),
	}),
}));

const load = (file: string) => loadVueForTest(join(import.meta.dirname, file));
afterAll(removeCompiled);
beforeEach(() => {
	studio.language = 'zh-CN';
});

const stubs: Record<string, Component> = {
	'v-notice': defineComponent({ setup: (_p, { slots, attrs }) => () => h('div', { class: 'notice', 'data-testid': attrs['data-testid'] }, slots['default']?.()) }),
	'v-button': defineComponent({ props: { disabled: Boolean }, emits: ['click'], setup: (p, { slots, emit, attrs }) => () => h('button', { disabled: p.disabled, 'data-testid': attrs['data-testid'], onClick: () => emit('click') }, slots['default']?.()) }),
	'v-icon': defineComponent({ props: { name: { type: String, default: '' } }, emits: ['click'], setup: (p, { emit, attrs }) => () => h('i', { name: p.name, 'data-testid': attrs['data-testid'], onClick: () => emit('click') }) }),
};

const last = (m: Mounted) => m.emitted[m.emitted.length - 1]![0];
const errors = (m: Mounted) => m.byTestId('field-error').map((n) => m.text(n));
const one = (m: Mounted, id: string): TestNode => {
	const found = m.byTestId(id);
	expect(found, id).toHaveLength(1);
	return found[0]!;
};

const CALENDAR = {
	timezone: 'Asia/Shanghai',
	working_hours: { mon: [{ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }], tue: [{ start: '08:30', end: '17:30' }], wed: [{ start: '08:30', end: '17:30' }], thu: [{ start: '08:30', end: '17:30' }], fri: [{ start: '08:30', end: '17:30' }], sat: [], sun: [] },
	holidays: ['2026-10-01', '2026-01-01', '2026-01-02', '2026-01-03', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-04-04', '2026-04-05', '2026-04-06', '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-06-19', '2026-06-20', '2026-06-21', '2026-09-25', '2026-09-26', '2026-09-27', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2025-12-31'],
	adjusted_working_days: ['2026-01-04'],
};

describe('calendar form (after-sales-calendar)', () => {
	test('CAL-1, CAL-2: when an admin picks a holiday date and adds it, then the calendar emits it sorted, in the same JSON shape, and the year shows it', async () => {
		const m = await mount(await load('calendar/interface-calendar.vue'), { value: CALENDAR, field: 'calendar', collection: 'service_settings' }, stubs);
		expect(m.text(one(m, 'year-holidays-2026'))).toContain('国务院');
		expect(m.text(one(m, 'year-holidays-2025'))).not.toContain('国务院');
		await m.fire(one(m, 'date-input-holidays'), 'input', { value: '2026-12-24' });
		await m.fire(one(m, 'date-add-holidays'), 'click');
		const value = last(m) as typeof CALENDAR & Record<string, unknown>;
		expect(Object.keys(value).sort()).toEqual(['adjusted_working_days', 'holidays', 'timezone', 'working_hours']);
		expect(Object.keys(value.working_hours)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
		expect(value.holidays.at(-1)).toBe('2026-12-24');
		expect(value.holidays).toEqual([...value.holidays].sort());
		expect(value.holidays.filter((d) => d === '2026-12-24')).toHaveLength(1);
		expect(m.text(one(m, 'year-holidays-2026'))).toContain('12-24');
		expect(errors(m)).toEqual([]);
		m.unmount();
	});

	test('CAL-2: when a holiday is removed, then it is gone from the emitted list and the year no longer claims the State Council’s full schedule', async () => {
		const m = await mount(await load('calendar/interface-calendar.vue'), { value: CALENDAR }, stubs);
		await m.fire(one(m, 'date-remove-2026-10-01'), 'click');
		expect((last(m) as typeof CALENDAR).holidays).not.toContain('2026-10-01');
		expect(m.text(one(m, 'year-holidays-2026'))).not.toContain('国务院');
		m.unmount();
	});

	test('CAL-1: when an admin adds a 调休 day that is also a holiday, then the form shows the server’s refusal under the list and still emits what was entered', async () => {
		const m = await mount(await load('calendar/interface-calendar.vue'), { value: CALENDAR }, stubs);
		await m.fire(one(m, 'date-input-adjusted_working_days'), 'input', { value: '2026-10-01' });
		await m.fire(one(m, 'date-add-adjusted_working_days'), 'click');
		expect((last(m) as typeof CALENDAR).adjusted_working_days).toEqual(['2026-01-04', '2026-10-01']);
		const shown = errors(m);
		expect(shown).toHaveLength(1);
		expect(shown[0]).toBe('2026-10-01 同时列为节假日和调休工作日，只能选一个（CAL-1）');
		expect(m.text(one(m, 'dates-adjusted_working_days'))).toContain(shown[0]!);
		m.unmount();
	});

	test('CAL-1: when a weekday gets another interval and a time is changed, then working_hours holds it; an end before the start is refused in en-US words', async () => {
		studio.language = 'en-US';
		const m = await mount(await load('calendar/interface-calendar.vue'), { value: CALENDAR }, stubs);
		const sat = one(m, 'hours-sat');
		expect(m.text(sat)).toContain('Closed');
		const add = m.find((n) => n.tag === 'button' && n.parent !== null && isInside(n, sat))[0]!;
		await m.fire(add, 'click');
		expect((last(m) as typeof CALENDAR).working_hours.sat).toEqual([{ start: '08:30', end: '17:30' }]);
		const satInputs = m.find((n) => n.tag === 'input' && isInside(n, one(m, 'hours-sat')));
		await m.fire(satInputs[1]!, 'change', { value: '07:00' });
		expect((last(m) as typeof CALENDAR).working_hours.sat).toEqual([{ start: '08:30', end: '07:00' }]);
		expect(errors(m)).toEqual(['calendar.working_hours.sat.0.end: start must be before end (CAL-1)']);
		m.unmount();
	});

	test('CAL-3: when the time zone select changes, then the zone is emitted; Asia/Shanghai is the first choice', async () => {
		const m = await mount(await load('calendar/interface-calendar.vue'), { value: null }, stubs);
		const select = one(m, 'calendar-timezone');
		const options = m.find((n) => n.tag === 'option' && isInside(n, select));
		expect(options[0]!.props['value']).toBe('Asia/Shanghai');
		expect(options.length).toBeGreaterThan(100);
		expect(m.emitted).toEqual([]);
		await m.fire(select, 'change', { value: 'Asia/Urumqi' });
		expect(last(m)).toMatchObject({ timezone: 'Asia/Urumqi', holidays: [], adjusted_working_days: [] });
		m.unmount();
	});

	test('CAL-1: when the stored value is text that is not JSON, then the form says so (never shows it as a calendar) and offers the default', async () => {
		const m = await mount(await load('calendar/interface-calendar.vue'), { value: '{"timezone":' }, stubs);
		expect(errors(m)).toEqual(['“工作日历”不是有效的 JSON（CAL-1）']);
		expect(m.byTestId('calendar-timezone')).toHaveLength(0);
		m.unmount();
	});
});

describe('season list (after-sales-seasons)', () => {
	test('WTY-11: when a busy season is added and filled in, then it is emitted with regions and ticked product categories as lists; a bad month-day is refused inline', async () => {
		const m = await mount(await load('seasons/interface-seasons.vue'), { value: [], field: 'busy_seasons', kind: 'busy' }, stubs);
		await m.fire(one(m, 'season-add'), 'click');
		const inputs = () => m.find((n) => n.tag === 'input' && n.props['type'] === 'text');
		await m.fire(inputs()[0]!, 'change', { value: '夏收' });
		await m.fire(inputs()[1]!, 'change', { value: '山东，河南、 河北' });
		const harvester = m.find((n) => n.tag === 'input' && n.props['type'] === 'checkbox' && m.text(n.parent!).includes('收获机械'))[0]!;
		await m.fire(harvester, 'change', { checked: true });
		await m.fire(inputs()[2]!, 'change', { value: '06-01' });
		await m.fire(inputs()[3]!, 'change', { value: '06-31' });
		expect(last(m)).toEqual([{ name: '夏收', regions: ['山东', '河南', '河北'], categories: ['harvester'], from: '06-01', to: '06-31' }]);
		expect(errors(m)).toHaveLength(1);
		expect(errors(m)[0]).toMatch(/^“busy_seasons\.0\.to”不符合.+的规定（WTY-11）$/);
		await m.fire(inputs()[3]!, 'change', { value: '06-30' });
		expect(errors(m)).toEqual([]);
		m.unmount();
	});

	test('DLR-3: when a sales season’s label is left empty, then it is left out; removing the last season is refused (at least one)', async () => {
		studio.language = 'en-US';
		const m = await mount(await load('seasons/interface-seasons.vue'), { value: [{ key: 'spring', label: '春季', from: '03-01', to: '05-31' }], field: 'sales_seasons' }, stubs);
		const inputs = () => m.find((n) => n.tag === 'input');
		await m.fire(inputs()[1]!, 'change', { value: '' });
		expect(last(m)).toEqual([{ key: 'spring', from: '03-01', to: '05-31' }]);
		await m.fire(m.find((n) => n.tag === 'i' && n.props['name'] === 'delete')[0]!, 'click');
		expect(last(m)).toEqual([]);
		expect(errors(m)[0]).toMatch(/^sales_seasons: .*\(DLR-3\)$/);
		m.unmount();
	});
});

describe('thresholds form (after-sales-thresholds)', () => {
	test('DLR-4: when an admin changes a tier’s bar, then the whole object is emitted with the number as a number and the other defaults kept', async () => {
		const m = await mount(await load('thresholds/interface-thresholds.vue'), { value: { A: { satisfaction_min: 4.6 } }, field: 'dealer_rating_thresholds', kind: 'dealer_rating' }, stubs);
		expect(one(m, 'threshold-A.satisfaction_min').props['value']).toBe('4.6');
		expect(one(m, 'threshold-B.schedule_compliance_min').props['value']).toBe('85');
		await m.fire(one(m, 'threshold-B.claim_rejection_max'), 'change', { value: '12' });
		expect(last(m)).toMatchObject({ A: { satisfaction_min: 4.6, schedule_compliance_min: 95 }, B: { claim_rejection_max: 12 }, weights: { satisfaction: 20 } });
		await m.fire(one(m, 'threshold-A.satisfaction_min'), 'change', { value: '6' });
		expect(errors(m)).toEqual(['“dealer_rating_thresholds.A.satisfaction_min”不能大于 5（DLR-4）']);
		m.unmount();
	});

	test('CMP-5: when a serious complaint would start below a normal one, then the server’s words show; ESC-4 retries as numbers', async () => {
		studio.language = 'en-US';
		const levels = await mount(await load('thresholds/interface-thresholds.vue'), { value: { normal: 1, serious: 2, critical: 3 }, field: 'complaint_severity_levels' }, stubs);
		await levels.fire(one(levels, 'threshold-normal'), 'change', { value: '3' });
		expect(last(levels)).toEqual({ normal: 3, serious: 2, critical: 3 });
		expect(errors(levels)).toEqual(['complaint_severity_levels.serious: a serious complaint starts no lower than a normal one (CMP-5)']);
		levels.unmount();
		const retry = await mount(await load('thresholds/interface-thresholds.vue'), { value: null, field: 'delivery_retry' }, stubs);
		await retry.fire(one(retry, 'threshold-max_attempts'), 'change', { value: '5' });
		expect(last(retry)).toEqual({ max_attempts: 5, max_delay_minutes: 60 });
		retry.unmount();
	});

	test('RPT-4: the quality form shows every window and the routes', async () => {
		const m = await mount(await load('thresholds/interface-thresholds.vue'), { value: {}, field: 'quality_thresholds' }, stubs);
		for (const id of ['month.min_count', 'quarter.level', 'year.min_count', 'routes.design']) expect(m.byTestId(`threshold-${id}`)).toHaveLength(1);
		expect(one(m, 'threshold-routes.service').props['value']).toBe('service_manager');
		m.unmount();
	});
});

describe('day list (after-sales-day-list)', () => {
	test('WTY-6: when reminder days are stored as numbers, then they show as chips (not 未知错误) and an added day is a number, largest first', async () => {
		const m = await mount(await load('day-list/interface-day-list.vue'), { value: [14, 3], field: 'parts_return_reminder_days' }, stubs);
		expect(m.byTestId('day-chip').map((n) => m.text(n).trim())).toEqual(['提前 14 天', '提前 3 天']);
		await m.fire(one(m, 'day-input'), 'input', { value: '7' });
		await m.fire(one(m, 'day-add'), 'click');
		expect(last(m)).toEqual([14, 7, 3]);
		m.unmount();
	});

	test('WTY-6: when a deadline is typed as 6/30, then it is stored as 06-30; 02-30 is refused inline', async () => {
		studio.language = 'en-US';
		const m = await mount(await load('day-list/interface-day-list.vue'), { value: ['12-31'], field: 'parts_return_deadlines' }, stubs);
		await m.fire(one(m, 'day-input'), 'input', { value: '6/30' });
		await m.fire(one(m, 'day-add'), 'click');
		expect(last(m)).toEqual(['06-30', '12-31']);
		await m.fire(one(m, 'day-input'), 'input', { value: '02-30' });
		await m.fire(one(m, 'day-add'), 'click');
		expect(errors(m)).toEqual(['parts_return_deadlines.0: must be a month-day MM-DD (WTY-6)']);
		m.unmount();
	});
});

describe('SLA condition builder (after-sales-conditions)', () => {
	test('ESC-1: when severities are ticked for a complaints policy, then the condition lists them; unticking the last removes the key (never an empty list)', async () => {
		const values = ref({ collection: 'complaints' });
		const m = await mount(await load('conditions/interface-conditions.vue'), { value: {} }, stubs, { values });
		expect(m.byTestId('condition-coverage')).toHaveLength(0);
		expect(m.text(one(m, 'condition-summary'))).toBe('适用于该对象的所有记录');
		const box = (key: string, label: string) => m.find((n) => n.tag === 'input' && isInside(n, one(m, `condition-${key}`)) && m.text(n.parent!).includes(label))[0]!;
		await m.fire(box('severity', '严重'), 'change', { checked: true });
		await m.fire(box('severity', '重大'), 'change', { checked: true });
		expect(last(m)).toEqual({ severity: ['serious', 'critical'] });
		const flag = m.find((n) => n.tag === 'input' && n.props['type'] === 'radio' && isInside(n, one(m, 'condition-key_account')) && m.text(n.parent!).includes('是'))[0]!;
		await m.fire(flag, 'change');
		expect(last(m)).toEqual({ severity: ['serious', 'critical'], key_account: true });
		expect(m.text(one(m, 'condition-summary'))).toBe('适用于：严重程度：严重、重大；重点客户：是');
		await m.fire(box('severity', '严重'), 'change', { checked: false });
		await m.fire(box('severity', '重大'), 'change', { checked: false });
		expect(last(m)).toEqual({ key_account: true });
		expect(errors(m)).toEqual([]);
		m.unmount();
	});

	test('ESC-1: when a stored condition has a misspelt key, then the form names it as the server does and offers to remove it', async () => {
		studio.language = 'en-US';
		const m = await mount(await load('conditions/interface-conditions.vue'), { value: { severty: ['serious'] } }, stubs, { values: ref({ collection: 'complaints' }) });
		expect(errors(m)).toHaveLength(1);
		expect(errors(m)[0]).toMatch(/^condition\.severty: .*\(ESC-1\)$/);
		await m.fire(m.find((n) => n.tag === 'button' && m.text(n).includes('Remove'))[0]!, 'click');
		expect(last(m)).toEqual({});
		expect(errors(m)).toEqual([]);
		m.unmount();
	});
});

function isInside(n: TestNode, ancestor: TestNode): boolean {
	for (let p = n.parent; p; p = p.parent) if (p === ancestor) return true;
	return false;
}
