// The portal as a dealer uses it on a phone (Debian's Chromium through playwright-core): sign in,
// log a warranty repair with parts and a signature drawn on screen, submit the claim, follow it.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser';
import { baseUrl, loginAdmin } from './helpers';
import { createUnit, dealerId, dealerSession, DEMO_PASSWORD, repairBody, uploadSignature } from './warranty-fixtures';
import { rawCodesIn } from './portal-text';

/** The wall time an instant shows in a zone, as the portal prints it. */
const wall = (iso: string, timeZone: string) => {
	const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
	return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
};

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
		expect(rawCodesIn(await page.locator('main').innerText())).toEqual([]);

		// What the page did is what the server holds.
		const admin = await loginAdmin();
		const repair = (await admin.call(`/items/repair_records?filter[unit][serial_no][_eq]=${unit.serial_no}&fields=id,coverage,total_cost,signer_name,customer_signature.type,customer_signature.folder`)).body.data[0];
		expect(repair).toMatchObject({ coverage: 'warranty', signer_name: '王建国', customer_signature: { type: 'image/png' } });
		expect(Number(repair.total_cost)).toBe(1311);
		const claim = (await admin.call(`/items/warranty_claims?filter[repair_record][_eq]=${repair.id}&fields=status,claimed_amount`)).body.data[0];
		expect(claim.status).toBe('submitted');
		await context.close();
	});

	test('DLR-2, WTY-7, CAL-1, INT-5: when a dealer opens a dispatched task, an approved claim and the ledger, then the page shows customer, phone, address, a countdown, itemised lines, labels and local dates, never a raw code', async () => {
		const admin = await loginAdmin();
		const dealer = await dealerSession(1);
		const zone = (await dealer.call('/after-sales/dealer/me')).body.data.timezone as string;
		expect(zone).toMatch(/\//);
		// A task the desk dispatched 30 minutes ago, for a customer with phone and address and a unit.
		const tag = `P${process.pid}${Date.now().toString(36).slice(-4)}`;
		const customer = (await admin.call('/items/customers', { method: 'POST', body: JSON.stringify({ name: `${tag} 刘家农机合作社`, phone: '13705360123', address: '山东省潍坊市寒亭区固堤街道 88 号' }), headers: { 'content-type': 'application/json' } })).body.data.id;
		const unit = await createUnit('D001', 40, 10);
		const dispatchedAt = new Date(Date.now() - 30 * 60_000).toISOString();
		const task = await admin.call('/items/service_requests', {
			method: 'POST', headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ type: 'dealer_task', channel: 'phone', received_at: new Date(Date.parse(dispatchedAt) - 10 * 60_000).toISOString(), problem: `${tag} 拖拉机启动困难`, status: 'dispatched', dealer: await dealerId('D001'), dispatched_at: dispatchedAt, first_response_at: dispatchedAt, customer, unit: unit.id }),
		});
		expect(task.status, JSON.stringify(task.body)).toBe(200);
		const taskId = task.body.data.id;

		// A claim finance approved: one part's old part went missing, so that line is cut with its reason.
		const signature = await uploadSignature(dealer);
		const claimUnit = await createUnit('D001', 40, 10);
		const repair = (await dealer.call('/after-sales/dealer/repairs', { method: 'POST', body: JSON.stringify(repairBody(claimUnit.serial_no, signature)) })).body.data;
		const claim = (await dealer.call('/after-sales/dealer/claims', { method: 'POST', body: JSON.stringify({ repair_record: repair.id, submit: true }) })).body.data;
		const headers = { 'content-type': 'application/json' };
		await admin.call(`/items/repair_parts/${repair.parts[0].id}`, { method: 'PATCH', headers, body: JSON.stringify({ old_part_status: 'reusable' }) });
		await admin.call(`/items/repair_parts/${repair.parts[1].id}`, { method: 'PATCH', headers, body: JSON.stringify({ old_part_status: 'missing' }) });
		for (const status of ['audited', 'inspected', 'approved']) {
			const res = await admin.call(`/items/warranty_claims/${claim.id}`, { method: 'PATCH', headers, body: JSON.stringify({ status }) });
			expect(res.status, `${status}: ${JSON.stringify(res.body)}`).toBe(200);
		}

		// The phone is set to New York: the portal still shows and reads times in the calendar's zone.
		const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'America/New_York' });
		const page = await context.newPage();
		await page.goto(`${baseUrl()}/after-sales/portal/`);
		await page.evaluate(() => localStorage.setItem('portal-lang', 'zh'));
		await page.fill('#email', 'dealer1@example.com');
		await page.fill('#password', DEMO_PASSWORD);
		await page.click('button[type=submit]');
		await page.waitForSelector('[data-testid=tab-tasks]');
		expect(await page.locator('[data-testid=zone]').innerText()).toContain(zone);

		await page.click('[data-testid=tab-tasks]');
		const card = page.locator(`[data-testid=task-${taskId}]`);
		await card.waitFor();
		await expect.poll(() => card.locator('[data-testid=countdown]').innerText()).toMatch(/经销商安排服务.*剩余 1小时\d+分/);
		const text = await card.innerText();
		expect(text).toContain(`${tag} 刘家农机合作社`);
		expect(await card.locator('[data-testid=phone]').getAttribute('href')).toBe('tel:13705360123');
		expect(text).toContain('山东省潍坊市寒亭区固堤街道 88 号');
		expect(text).toContain(unit.serial_no);
		expect(text).toContain('已派工');
		expect(text).toContain(wall(dispatchedAt, zone));
		expect(rawCodesIn(await page.locator('main').innerText())).toEqual([]);
		await card.scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(SHOTS, 'portal-tasks.png') });

		// DLR-2: 09:30 tomorrow on the phone's picker is 09:30 in the calendar's zone.
		const tomorrow = wall(new Date(Date.now() + 86_400_000).toISOString(), zone).slice(0, 10);
		await card.locator(`#when-${taskId}`).fill(`${tomorrow}T09:30`);
		await card.locator(`[data-testid=schedule-${taskId}]`).click();
		await expect.poll(async () => (await admin.call(`/items/service_requests/${taskId}?fields=status,scheduled_for`)).body.data.status).toBe('scheduled');
		const stored = (await admin.call(`/items/service_requests/${taskId}?fields=scheduled_for`)).body.data.scheduled_for;
		expect(wall(stored, zone)).toBe(`${tomorrow} 09:30`);
		await expect.poll(() => page.locator(`[data-testid=task-${taskId}]`).innerText()).toContain(`${tomorrow} 09:30`);
		await expect.poll(() => page.locator(`[data-testid=task-${taskId}] [data-testid=countdown]`).innerText()).toContain('已按时完成');

		await page.click('[data-testid=tab-claims]');
		const claimCard = page.locator(`[data-testid=claim-${claim.id}]`);
		await claimCard.waitFor();
		expect(await claimCard.locator('[data-testid=claim-status]').innerText()).toBe('财务已核准');
		expect(await claimCard.locator('[data-testid=claim-status]').getAttribute('class')).toContain('tone-good');
		expect(await claimCard.locator('[data-testid=claim-line-labour]').innerText()).toMatch(/工时费\s+¥280\.00\s+¥280\.00/);
		expect(await claimCard.locator('[data-testid=claim-line-travel]').innerText()).toMatch(/差旅费\s+¥120\.50\s+¥120\.50/);
		expect(await claimCard.locator(`[data-testid=claim-line-part-${repair.parts[0].id}]`).innerText()).toMatch(/HP-455 液压泵 ×2\s+¥910\.50\s+¥910\.50/);
		const cut = await claimCard.locator(`[data-testid=claim-line-part-${repair.parts[1].id}]`).innerText();
		expect(cut).toMatch(/SL-10 密封圈 ×1/);
		expect(cut).toMatch(/¥10\.00\s+¥0\.00/);
		expect(cut).toMatch(/核减原因: [\u4e00-\u9fff]/);
		expect(rawCodesIn(await page.locator('main').innerText())).toEqual([]);
		await claimCard.scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(SHOTS, 'portal-claims.png') });

		// The dealer confirms the write-off: the credit is on the ledger with its local date.
		await claimCard.getByRole('button', { name: '确认核销通知' }).click();
		await expect.poll(() => claimCard.locator('[data-testid=claim-status]').innerText()).toBe('已核销');
		await page.click('[data-testid=tab-ledger]');
		await page.waitForSelector('[data-testid=balance]');
		const credit = (await admin.call(`/items/dealer_ledger?filter[claim][_eq]=${claim.id}&fields=id,posted_at`)).body.data[0];
		const entry = page.locator(`[data-testid=ledger-${credit.id}]`);
		expect(await entry.innerText()).toContain('三包核销');
		expect(await entry.locator('[data-testid=posted]').innerText()).toBe(`记账 ${wall(credit.posted_at, zone)}`);
		const ledgerText = await page.locator('main').innerText();
		expect(ledgerText).not.toMatch(/\b1\d{9}\b/);
		expect(rawCodesIn(ledgerText)).toEqual([]);

		// The same pages in English: labels, not codes.
		await page.click('[data-testid=lang]');
		await expect.poll(() => page.locator('h1').innerText()).toContain('Dealer service portal');
		await page.click('[data-testid=tab-ledger]');
		await page.waitForSelector('[data-testid=balance]');
		expect(await entry.innerText()).toContain('Warranty credit');
		expect(rawCodesIn(await page.locator('main').innerText())).toEqual([]);
		await page.screenshot({ path: join(SHOTS, 'portal-ledger-en.png') });
		await page.click('[data-testid=tab-claims]');
		await claimCard.waitFor();
		expect(await claimCard.locator('[data-testid=claim-status]').innerText()).toBe('Settled');
		expect(await claimCard.innerText()).toMatch(/Labour[\s\S]*Travel[\s\S]*Cut because: \w/);
		expect(rawCodesIn(await page.locator('main').innerText())).toEqual([]);
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
		// INT-5: a wrong password is told in the portal's language, in Chinese and in English.
		await page.fill('#email', 'dealer1@example.com');
		await page.fill('#password', 'not-the-password');
		await page.click('button[type=submit]');
		await expect.poll(() => page.locator('[role=alert]').innerText(), { timeout: 20_000 }).toBe('邮箱或密码不正确');
		await page.click('[data-testid=lang]');
		await page.click('button[type=submit]');
		await expect.poll(() => page.locator('[role=alert]').innerText(), { timeout: 20_000 }).toBe('Wrong email or password');
		await page.click('[data-testid=lang]');
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
		const customer = (await admin.call('/items/customers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: '潍坊金穗农机服务队', phone: '13605361234', address: '潍坊市奎文区北海路 12 号' }) })).body.data.id;
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
		const jobText = await card.innerText();
		expect(jobText).toContain('收割机割台异响');
		expect(jobText).toContain('潍坊金穗农机服务队');
		expect(jobText).toContain('潍坊市奎文区北海路 12 号');
		expect(await card.locator('[data-testid=phone]').getAttribute('href')).toBe('tel:13605361234');
		expect(await card.locator('[data-testid=countdown]').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
		expect(rawCodesIn(await page.locator('main').innerText())).toEqual([]);
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
