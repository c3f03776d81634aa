// DLR-3, DLR-5 in the portal as a dealer uses it on a phone: the parts-plan tab shows the next
// season and its deadline and files the plan; the stock-return tab files a return and ships it.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser';
import { baseUrl, json, loginAdmin } from './helpers';
import { DEMO_PASSWORD, dayOffset } from './warranty-fixtures';
import { rawCodesIn } from './portal-text';

const { browser, shots: SHOTS } = useBrowser();
const DEALER_ROLE = 'a5a1e5a1-0000-4000-8000-000000000008';

async function freshDealerUser() {
	const admin = await loginAdmin();
	const code = `E${process.pid % 100000}${Date.now().toString(36).slice(-5)}`;
	const dealer = (await admin.call('/items/dealers', { method: 'POST', body: json({ code, name: `门户测试经销商 ${code}`, status: 'active' }) })).body.data;
	const email = `${code.toLowerCase()}@example.com`;
	const user = await admin.call('/users', { method: 'POST', body: json({ email, password: DEMO_PASSWORD, role: DEALER_ROLE, status: 'active', dealer: dealer.id, language: 'zh-CN' }) });
	expect(user.status, JSON.stringify(user.body)).toBe(200);
	return { id: dealer.id as number, email };
}

describe('dealer portal: parts plan and stock returns (DLR-3, DLR-5)', () => {
	test('DLR-3: when a dealer opens the parts-plan tab and files two lines, then the tab shows the next season, its deadline and the plan as filed', async () => {
		const d = await freshDealerUser();
		const context = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/after-sales/portal/`);
		await page.fill('#email', d.email);
		await page.fill('#password', DEMO_PASSWORD);
		await page.click('button[type=submit]');
		await page.click('[data-testid=tab-plan]');
		await expect.poll(() => page.locator('[data-testid=plan-status]').innerText()).toMatch(/尚未提交|逾期/);
		await expect.poll(() => page.locator('[data-testid=plan-next]').innerText()).toMatch(/计划截止 \d{4}-\d{2}-\d{2}/);
		// INT-5: the default season reads 春季 / 秋季 for a zh-CN dealer, not "春季 Spring".
		expect(await page.locator('[data-testid=plan-next] h3').innerText()).not.toMatch(/Spring|Autumn/);
		await page.fill('input[name=plan_part_no_0]', 'YB-25-01');
		await page.fill('input[name=plan_quantity_0]', '3');
		await page.selectOption('select[name=plan_kind_0]', 'warranty');
		await page.click('[data-testid=plan-add-line]');
		await page.fill('input[name=plan_part_no_1]', 'LV-60-12');
		await page.fill('input[name=plan_quantity_1]', '12');
		await page.click('[data-testid=plan-submit]');
		await expect.poll(() => page.locator('[data-testid=plan-status]').innerText()).toMatch(/已按时提交|逾期提交/);
		await page.screenshot({ path: join(SHOTS, 'portal-parts-plan.png'), fullPage: true });
		const stored = (await (await loginAdmin()).call(`/items/dealers/${d.id}?fields=parts_plans`)).body.data.parts_plans;
		expect(stored[0].lines.map((l: any) => [l.part_no, l.kind])).toEqual([['YB-25-01', 'warranty'], ['LV-60-12', 'wear']]);

		// DLR-5: a stock return filed and shipped from the stock tab.
		await page.click('[data-testid=tab-stock]');
		await page.selectOption('#stock-reason', 'quality_defect');
		await page.fill('input[name=stock_part_no_0]', 'YB-25-01');
		await page.fill('input[name=stock_quantity_0]', '2');
		await page.fill('input[name=stock_unit_value_0]', '1250.50');
		await page.fill('#stock-shipped-0', dayOffset(-20));
		await page.click('[data-testid=stock-submit]');
		const card = page.locator('[data-testid^=stock-return-]').first();
		await expect.poll(() => card.innerText()).toContain('¥2501.00');
		expect(await card.innerText()).toContain('公司');
		await card.locator('[data-testid^=stock-ship-]').click();
		await expect.poll(() => card.locator('[data-testid^=stock-ship-]').count()).toBe(0);
		// INT-5: the badge is the shipped label, and nothing on the tab is a raw code.
		await expect.poll(() => card.innerText()).toContain('已发运');
		expect(rawCodesIn(await page.locator('main').innerText())).toEqual([]);
		const returns = (await (await loginAdmin()).call(`/items/parts_returns?filter[dealer][_eq]=${d.id}&fields=kind,status,freight_payer,stock_value`)).body.data;
		expect(returns).toHaveLength(1);
		expect(returns[0]).toMatchObject({ kind: 'stock', status: 'shipped', freight_payer: 'company' });
		await page.screenshot({ path: join(SHOTS, 'portal-stock-returns.png'), fullPage: true });
		await context.close();
	});
});
