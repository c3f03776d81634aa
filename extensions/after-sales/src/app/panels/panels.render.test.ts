// The panel components rendered (Vue server renderer, no DOM) with the Directus app stubbed: each
// state of the v-if chain — loading, error, empty, data — shows what it should (RPT-1, RPT-4, ESC-1).
// The .vue files are compiled here with @vue/compiler-sfc, as the extensions-sdk does at build time.
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createSSRApp, defineComponent, h, ref, shallowRef, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { loadVueForTest, removeCompiled } from '../lib/load-vue-for-test';

const state = { data: shallowRef<unknown>(null), loading: ref(false), error: ref<string | null>(null) };

vi.mock('./lib/use-endpoint', () => ({ useEndpoint: () => ({ ...state, reload: () => undefined }) }));
vi.mock('./lib/use-locale', async () => {
	const { messagesFor } = await import('./lib/i18n');
	return { useLocale: () => ({ locale: 'en', t: messagesFor('en') }) };
});
vi.mock('./lib/chart', () => ({ Chart: class { destroy() {} } }));


const load = (file: string) => loadVueForTest(join(import.meta.dirname, file));
afterAll(removeCompiled);


const stubs = {
	'v-progress-circular': defineComponent({ render: () => h('div', { class: 'stub-progress' }) }),
	'v-notice': defineComponent({ setup: (_p, { slots }) => () => h('div', { class: 'stub-notice' }, slots['default']?.()) }),
};

async function render(component: Component, props: Record<string, unknown> = {}) {
	const app = createSSRApp(component, props);
	for (const [name, stub] of Object.entries(stubs)) app.component(name, stub);
	return renderToString(app);
}

beforeEach(() => {
	state.data.value = null;
	state.loading.value = false;
	state.error.value = null;
});

describe('SLA board panel', () => {
	test('ESC-1: when loading, then a spinner; when failed, then the error; when nothing is open, then the empty text', async () => {
		const panel = await load('sla-board/panel-sla-board.vue');
		state.loading.value = true;
		expect(await render(panel)).toContain('stub-progress');
		state.loading.value = false;
		state.error.value = 'boom';
		expect(await render(panel)).toMatch(/stub-notice.*Could not load: boom/s);
		state.error.value = null;
		state.data.value = { cells: [], totals: [{ state: 'running', count: 0 }], overdue: [] };
		expect(await render(panel)).toContain('No data yet');
	});

	test('ESC-2: when timers are open, then states by level and the overdue items link into the Studio', async () => {
		const panel = await load('sla-board/panel-sla-board.vue');
		state.data.value = {
			cells: [{ collection: 'complaints', state: 'breached', level: 3, count: 7 }],
			totals: [{ state: 'running', count: 0 }, { state: 'breached', count: 7 }],
			overdue: [{ collection: 'complaints', item: '23', milestone: 'Reply 24 h', level: 3, state: 'breached', due_at: null, link: '/admin/content/complaints/23' }],
		};
		const html = await render(panel);
		expect(html).toContain('L3');
		expect(html.replace(/<!--[^>]*-->/g, '')).toMatch(/Breached<\/th><td>7<\/td><td class="total">7<\/td>/);
		expect(html).toContain('href="/admin/content/complaints/23"');
	});
});

describe('dealer scorecard panel', () => {
	test('RPT-1: when the report has dealers, then the ranking shows rank, rating and the given figures, top N only', async () => {
		const panel = await load('dealer-scorecard/panel-dealer-scorecard.vue');
		const row = (rank: number, code: string, rating: string) => ({ dealer_id: rank, code, name: `Dealer ${code}`, rank, rating, score: 90.5, schedule_compliance: 66.7, claim_rejection_rate: null, satisfaction_avg: 4.33, complaints: 2, claims_approved: 1, claims_rejected: 0 });
		state.data.value = { dealers: [row(1, 'D01', 'A'), row(2, 'D02', 'C'), row(3, 'D03', 'B')], months: [] };
		const html = await render(panel, { limit: 2 });
		expect(html).toContain('D01 Dealer D01');
		expect(html).toContain('D02 Dealer D02');
		expect(html).not.toContain('D03 Dealer D03');
		expect(html).toContain('rating-C');
		expect(html).toContain('66.7');
		expect(html).toContain('—');
		expect(html.match(/<canvas/g)).toHaveLength(2);
	});

	test('RPT-1: when no dealer is in the report, then the empty text', async () => {
		const panel = await load('dealer-scorecard/panel-dealer-scorecard.vue');
		state.data.value = { dealers: [], months: [] };
		expect(await render(panel)).toContain('No data yet');
	});
});

describe('quality alerts panel', () => {
	test('RPT-4: when alerts exist, then level, product, window, owner and preventive action are listed', async () => {
		const panel = await load('quality-alerts/panel-quality-alerts.vue');
		state.data.value = {
			alerts: [{ id: 9, product_model: 'LX-904', fault_category: 'hydraulic', window_key: '2026-Q4', level: 2, count: 7, route: 'technical_dept', preventive_action: null }],
			top_faults: [{ product_model: 'LX-904', fault_category: 'hydraulic', repairs: 4 }],
		};
		const html = await render(panel);
		expect(html).toContain('level-2');
		expect(html).toContain('href="/admin/content/quality_alerts/9"');
		expect(html).toContain('2026-Q4');
		expect(html).toContain('Technical dept');
		expect(html).toContain('Top faults this month');
	});

	test('RPT-5: when the month has neither alerts nor faults, then the empty text', async () => {
		const panel = await load('quality-alerts/panel-quality-alerts.vue');
		state.data.value = { alerts: [], top_faults: [] };
		expect(await render(panel)).toContain('No data yet');
	});
});
