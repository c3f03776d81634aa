// The timeline component rendered (Vue server renderer, no DOM) with the Studio stubbed: the
// empty, unreadable and data states of its v-if chain (ARC-3, CMP-3). Compiled as in panels.render.test.ts.
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { createSSRApp, ref, shallowRef, type Component } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { loadVueForTest, removeCompiled } from '../../lib/load-vue-for-test';

const WANG = '8f0e4a52-1111-4000-8000-000000000001';

vi.mock('./lib/use-history-context', async () => {
	const { MESSAGES } = await import('./lib/timeline');
	return {
		useHistoryContext: () => ({
			locale: 'zh', t: MESSAGES.zh, loading: ref(false), timeZone: ref('Asia/Shanghai'),
			statusLabels: ref({ received: '已受理', contacting: '联系客户' }), fieldLabels: ref({ phone: '联系电话' }),
			users: shallowRef(new Map([[WANG, { id: WANG, first_name: '建国', last_name: '王' }]])),
		}),
	};
});


const load = (file: string) => loadVueForTest(join(import.meta.dirname, file));
afterAll(removeCompiled);

const render = async (props: Record<string, unknown>) => (await renderToString(createSSRApp(await load('history-timeline.vue'), props))).replace(/<!--[^>]*-->/g, '');

describe('history timeline component', () => {
	test('CMP-3: when a complaint has two steps, then two rows, newest first, with time, name, status labels and summary', async () => {
		const html = await render({
			collection: 'complaints',
			value: [
				{ at: '2026-03-05T06:30:00Z', by: WANG, from: null, to: 'received', summary: 'received (CMP-1)' },
				{ at: '2026-03-05T07:00:00Z', by: WANG, from: 'received', to: 'contacting', summary: 'called' },
			],
		});
		expect(html.match(/data-testid="history-row"/g)).toHaveLength(2);
		expect(html).toMatch(/2026\/03\/05 15:00.*王建国.*已受理 → 联系客户.*called.*2026\/03\/05 14:30.*王建国.*已受理.*登记投诉（CMP-1）/s);
		expect(html).not.toContain('received (CMP-1)');
		expect(html).not.toContain('"by"');
	});

	test('ARC-3: when nothing is recorded yet, then the empty text; when the value is not a list, then "cannot be read" instead of raw JSON', async () => {
		expect(await render({ collection: 'customers', value: null })).toContain('暂无记录');
		const unreadable = await render({ collection: 'customers', value: '{"at":' });
		expect(unreadable).toContain('记录格式无法读取');
		expect(unreadable).not.toContain('{&quot;at');
	});

	test('INT-2: when one entry is malformed, then it shows as unreadable and the rest still shows', async () => {
		const html = await render({ collection: 'complaints', value: ['oops', { at: '2026-03-05T06:30:00Z', by: null, to: 'received' }] });
		expect(html).toContain('系统');
		expect(html).toContain('无法读取的记录');
		expect(html).toContain('class="row malformed"');
	});
});
