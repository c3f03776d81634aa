// The portal as a dealer uses it on a phone (Debian's Chromium through playwright-core): sign in,
// log a warranty repair with parts and a signature drawn on screen, submit the claim, follow it.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser';
import { baseUrl, loginAdmin } from './helpers';
import { createUnit, DEMO_PASSWORD } from './warranty-fixtures';

const { browser, shots: SHOTS } = useBrowser();

describe('dealer portal on a phone (WTY-5, WTY-7, DLR-1)', () => {
	test('WTY-5: when a dealer signs in on a phone, logs a repair with a drawn signature and submits the claim, then the claim is submitted with the signature stored', async () => {
		const unit = await createUnit('D001', 40, 10);
		const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/after-sales/portal/`);
		await expect.poll(() => page.locator('h1').innerText()).toContain('经销商服务门户');
		await page.screenshot({ path: join(SHOTS, 'portal-login.png') });

		await page.fill('#email', 'dealer1@example.com');
		await page.fill('#password', DEMO_PASSWORD);
		await page.click('button[type=submit]');
		await page.waitForSelector('[data-testid=tab-repair]');

		await page.fill('#unit', unit.serial_no);
		await page.selectOption('#fault_category', 'hydraulic');
		await page.fill('#fault_description', '液压泵异响，提升无力');
		await page.fill('#work_done', '更换液压泵与密封圈，试机正常');
		await page.fill('#labour_cost', '280.00');
		await page.fill('#travel_cost', '120.50');
		await page.fill('input[name=part_no_0]', 'HP-455');
		await page.fill('input[name=part_name_0]', '液压泵');
		await page.fill('input[name=quantity_0]', '2');
		await page.fill('input[name=unit_price_0]', '455.25');
		await page.fill('input[name=old_part_serial_0]', 'OLD-8841');
		await page.fill('#signer_name', '王建国');

		// Saving without a signature is stopped in the page.
		await page.click('[data-testid=save-repair]');
		await expect.poll(() => page.locator('[role=alert]').innerText()).toContain('请先让用户签字');

		const pad = await page.locator('[data-testid=signature]').boundingBox();
		expect(pad).not.toBeNull();
		await page.mouse.move(pad!.x + 20, pad!.y + 100);
		await page.mouse.down();
		for (let i = 1; i <= 20; i++) await page.mouse.move(pad!.x + 20 + i * 14, pad!.y + 100 - Math.sin(i / 2) * 40, { steps: 2 });
		await page.mouse.up();

		await page.click('[data-testid=save-repair]');
		await page.waitForSelector('[data-testid=repair-saved]');
		const saved = await page.locator('[data-testid=repair-saved]').innerText();
		expect(saved).toContain('三包');
		expect(saved).toContain('1311.00');
		await page.locator('[data-testid=repair-saved]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(SHOTS, 'portal-repair.png') });

		await page.click('[data-testid=submit-claim]');
		await page.waitForSelector('[data-testid=claim-submitted]');
		expect(await page.locator('[data-testid=claim-submitted]').innerText()).toContain('已提交');

		await page.click('[data-testid=tab-claims]');
		await page.waitForSelector('[data-testid^=claim-]');
		await page.screenshot({ path: join(SHOTS, 'portal-claims.png'), fullPage: false });

		await page.click('[data-testid=tab-tasks]');
		await page.waitForSelector('main .card');
		await page.screenshot({ path: join(SHOTS, 'portal-tasks.png') });

		await page.click('[data-testid=lang]');
		await expect.poll(() => page.locator('h1').innerText()).toContain('Dealer service portal');
		await page.click('[data-testid=tab-ledger]');
		await page.waitForSelector('[data-testid=balance]');
		await page.screenshot({ path: join(SHOTS, 'portal-ledger-en.png') });

		// What the page did is what the server holds.
		const admin = await loginAdmin();
		const repair = (await admin.call(`/items/repair_records?filter[unit][serial_no][_eq]=${unit.serial_no}&fields=id,coverage,total_cost,signer_name,customer_signature.type,customer_signature.folder`)).body.data[0];
		expect(repair).toMatchObject({ coverage: 'warranty', signer_name: '王建国', customer_signature: { type: 'image/png' } });
		expect(Number(repair.total_cost)).toBe(1311);
		const claim = (await admin.call(`/items/warranty_claims?filter[repair_record][_eq]=${repair.id}&fields=status,claimed_amount`)).body.data[0];
		expect(claim.status).toBe('submitted');
		await context.close();
	});

	test('WTY-2: when a dealer registers a sale and its warranty card on a phone, then the unit waits for the company with the card pending', async () => {
		const admin = await loginAdmin();
		const model = (await admin.call('/items/products?limit=1&sort=id&fields=model')).body.data[0].model;
		const serial = `CARD-${process.pid}-${Date.now().toString(36)}`;
		const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/after-sales/portal/`);
		await page.fill('#email', 'dealer1@example.com');
		await page.fill('#password', DEMO_PASSWORD);
		await page.click('button[type=submit]');
		await page.click('[data-testid=tab-units]');
		await page.waitForSelector('[data-testid=card-form]');
		await page.fill('#card-serial', serial);
		await page.fill('#card-sold-on', new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
		await page.fill('#card-model', model);
		await page.fill('#card-invoice', `INV-${serial}`);
		await page.fill('#card-customer', '李卫东');
		await page.fill('#card-phone', '13805310001');
		await page.fill('#card-region', '山东');
		await page.click('[data-testid=register-card]');
		await page.waitForSelector('[data-testid=card-registered]');
		await page.waitForSelector(`[data-testid=card-review-${serial}]`);
		expect(await page.locator(`[data-testid=card-review-${serial}]`).innerText()).toContain('待公司确认');
		await page.screenshot({ path: join(SHOTS, 'portal-card.png') });
		const unit = (await admin.call(`/items/units?filter[serial_no][_eq]=${serial}&fields=card_review,card_submission`)).body.data[0];
		expect(unit.card_review).toBe('pending');
		expect(unit.card_submission.customer).toMatchObject({ name: '李卫东', phone: '13805310001' });
		await context.close();
	});

	test('DLR-1: when a staff user signs in to the portal, then it says the account is not a portal account', async () => {
		const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/after-sales/portal/`);
		await page.fill('#email', 'manager@example.com');
		await page.fill('#password', DEMO_PASSWORD);
		await page.click('button[type=submit]');
		await expect.poll(() => page.locator('[role=alert]').innerText(), { timeout: 20_000 }).toContain('不是经销商或技术员账号');
		await context.close();
	});

	test('ESC-2: when a technician signs in, then the portal shows their assigned requests', async () => {
		const context = await browser().newContext({ viewport: { width: 390, height: 844 } });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/after-sales/portal/`);
		await page.fill('#email', 'tech1@example.com');
		await page.fill('#password', DEMO_PASSWORD);
		await page.click('button[type=submit]');
		await expect.poll(() => page.locator('h1').innerText(), { timeout: 20_000 }).toContain('技术员工作台');
		await page.waitForSelector('[data-testid=tab-requests]');
		await page.screenshot({ path: join(SHOTS, 'portal-technician.png') });
		await context.close();
	});

	test('REQ-3, NTF-2: when the desk dispatches a job to tech1, then tech1 sees it with an unread badge and a countdown, checks in and resolves it on the phone', async () => {
		const admin = await loginAdmin();
		const tech1Id = (await admin.call('/users?filter[email][_eq]=tech1@example.com&fields=id')).body.data[0].id;
		const customer = (await admin.call('/items/customers?limit=1&sort=id&fields=id')).body.data[0].id;
		const unit = await createUnit('D001', 40, 10);
		const created = await admin.call('/items/service_requests', {
			method: 'POST', headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ type: 'repair', channel: 'phone', customer, unit: unit.id, problem: '收割机割台异响', received_at: new Date(Date.now() - 60_000).toISOString(), status: 'dispatched', assignee: tech1Id, promised_at: new Date(Date.now() + 3 * 3_600_000).toISOString() }),
		});
		expect(created.status, JSON.stringify(created.body)).toBe(200);
		const id = created.body.data.id;

		const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/after-sales/portal/`);
		await page.fill('#email', 'tech1@example.com');
		await page.fill('#password', DEMO_PASSWORD);
		await page.click('button[type=submit]');
		const card = page.locator(`[data-testid=request-${id}]`);
		await card.waitFor();
		await expect.poll(() => page.locator('[data-testid=unread-badge]').innerText()).toMatch(/\d+/);
		await expect.poll(() => card.locator('[data-testid=countdown]').innerText()).toMatch(/剩余|已超时/);
		expect(await card.innerText()).toContain('收割机割台异响');
		await page.screenshot({ path: join(SHOTS, 'portal-technician-job.png') });

		await card.locator(`#note-${id}`).fill('潍坊市奎文区 工地北门');
		await card.locator(`[data-testid=arrive-${id}]`).click();
		await expect.poll(() => card.innerText()).toContain('现场处理中');
		await card.locator(`[data-testid=status-${id}-resolved]`).click();
		await expect.poll(async () => (await admin.call(`/items/service_requests/${id}?fields=status,arrival_location`)).body.data).toEqual({ status: 'resolved', arrival_location: '潍坊市奎文区 工地北门' });

		await page.click('[data-testid=tab-inbox]');
		await expect.poll(() => page.locator('main').innerText()).toContain(`#${id}`);
		await page.screenshot({ path: join(SHOTS, 'portal-technician-inbox.png') });
		await context.close();
	});

	test('FUP-6, RPT-1: when the customer opens the survey link on a phone and scores 4, then the answer is recorded once and the dealer report counts it', async () => {
		const admin = await loginAdmin();
		const customer = (await admin.call('/items/customers?limit=1&sort=id&fields=id')).body.data[0].id;
		const unit = await createUnit('D001', 40, 10);
		expect((await admin.call(`/items/units/${unit.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customer }) })).status).toBe(200);
		const dealer = (await admin.call('/items/dealers?filter[code][_eq]=D001&fields=id')).body.data[0].id;
		const repair = await admin.call('/items/repair_records', {
			method: 'POST', headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ unit: unit.id, dealer, status: 'completed', fault_category: 'header', fault_description: '割台传动异响', coverage: 'warranty', received_at: new Date(Date.now() - 3 * 3_600_000).toISOString(), completed_at: new Date(Date.now() - 60_000).toISOString(), labour_cost: '0.00', travel_cost: '0.00' }),
		});
		expect(repair.status, JSON.stringify(repair.body)).toBe(200);
		let url = '';
		await expect.poll(async () => {
			const found = (await admin.call(`/items/follow_ups?filter[repair_record][_eq]=${repair.body.data.id}&fields=survey_url`)).body.data;
			url = found[0]?.survey_url ?? '';
			return url;
		}).toMatch(/\/after-sales\/survey\//);
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
		const report = async () => (await admin.call(`/after-sales/reports/dealers?from=${today}&to=${today}&dealer=D001`)).body.data.dealers.find((d: any) => d.code === 'D001');
		const before = await report();

		const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}${new URL(url).pathname}`);
		await expect.poll(() => page.locator('h1').innerText()).toContain('满意度');
		await page.locator('label.score', { hasText: '4' }).click();
		await page.fill('#comment', '技术员很专业，修得快');
		await page.screenshot({ path: join(SHOTS, 'survey.png') });
		await page.click('button[type=submit]');
		await expect.poll(() => page.locator('body').innerText()).toMatch(/感谢/);
		await page.goto(`${baseUrl()}${new URL(url).pathname}`);
		await expect.poll(() => page.locator('body').innerText()).toMatch(/已提交|已经|already/);
		await context.close();

		const after = await report();
		expect(after.satisfaction_responses).toBe(before.satisfaction_responses + 1);
	});
});
