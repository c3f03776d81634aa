// A service agent's day in the Studio, as a new zh-CN user meets it (Debian's Chromium through
// playwright-core; issue 12 item 8): sign in and land on 售后工作台, open a complaint from the
// queue, read its timeline, try a step the workflow forbids and read why in Chinese, acknowledge
// an escalation from the queue; then the service manager, who owns the calendar (agents read
// 售后设置 only), adds a holiday in the calendar form (CMP-3, ESC-3, ESC-4, CAL-3).
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { useBrowser } from './browser';
import { baseUrl, json, loginAdmin } from './helpers';
import { agent, DEMO_PASSWORD, escalationsOf, hoursAgo, manager, sweep, userId, waitFor, waitForTimers } from './sla-helpers';
import { addHolidayInCalendarForm, resetStartPage, signInToStudio } from './studio';

const { browser, shots: SHOTS } = useBrowser();
const HOLIDAY = '2026-12-23';
let calendarBefore: ({ holidays: string[] } & Record<string, unknown>) | null = null;

const readCalendar = async () => {
	const { status, body } = await (await manager()).call('/items/service_settings?fields=calendar');
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data.calendar as { holidays: string[] } & Record<string, unknown>;
};

afterAll(async () => {
	if (calendarBefore) await (await loginAdmin()).call('/items/service_settings', { method: 'PATCH', body: json({ calendar: calendarBefore }) });
});

/** A complaint the agent took by phone 3 h ago and handles: its 1 h first response is breached. */
async function agentsLateComplaint() {
	const me = await userId(agent());
	const { status, body } = await (await agent()).call('/items/complaints', {
		method: 'POST',
		body: json({ received_at: hoursAgo(3), channel: 'phone', recorder: me, handler: me, category: 'attitude', severity: 'normal', description: '维修人员三天未上门，客户要求说明原因' }),
	});
	expect(status, JSON.stringify(body)).toBe(200);
	const complaint = body.data as { id: number };
	await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
	expect((await sweep()).status).toBe(200);
	const escalation = await waitFor('the agent is told of the breach', async () =>
		(await escalationsOf('complaints', complaint.id)).find((e) => e.kind === 'breach' && (e.notified_users ?? []).map(String).includes(me)));
	return { complaint, escalation, me };
}

describe('a service agent’s day in the Studio (CMP-3, ESC-3, ESC-4, CAL-3)', () => {
	test('CMP-3, ESC-4: when an agent signs in, opens a late complaint from the work queue, tries to close it at once and acknowledges its escalation, then everything reads in Chinese and the escalation is theirs', async () => {
		const { complaint, escalation, me } = await agentsLateComplaint();
		await resetStartPage('agent@example.com');
		const page = await signInToStudio(browser(), 'agent@example.com', DEMO_PASSWORD);

		// ESC-3: the agent lands on the work queue, with the complaint among their own work, late.
		await page.waitForURL(/\/admin\/after-sales/, { timeout: 30_000 });
		const mine = page.locator('[data-testid=queue-mine]');
		const link = mine.locator(`a[href$="/content/complaints/${complaint.id}"]`);
		await link.waitFor({ timeout: 30_000 });
		expect(await link.locator('xpath=..').innerText()).toMatch(/已超时/);
		await page.screenshot({ path: join(SHOTS, 'studio-agent-work-queue.png') });

		// The complaint's history is a timeline: who recorded it and its status by label.
		await link.click();
		await page.waitForURL(new RegExp(`/admin/content/complaints/${complaint.id}$`));
		const row = page.locator('[data-testid=history-row]').first();
		await row.waitFor({ timeout: 30_000 });
		const name = (await (await agent()).call('/users/me?fields=first_name,last_name')).body.data;
		await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain(`${name.last_name}${name.first_name}`);
		expect(await row.innerText()).toMatch(/已受理[\s\S]*登记投诉（CMP-1）/);
		expect(await page.locator('[data-testid=history-timeline]').innerText()).not.toMatch(/"by"|received|未知用户/);

		// CMP-3: closing a complaint just received is refused, in Chinese, naming the next steps and the rule once.
		const status = page.locator('[data-field=status]');
		await status.scrollIntoViewIfNeeded();
		await status.locator('.v-input').first().click();
		await page.locator('.v-menu-content .v-list-item', { hasText: '已结案' }).first().click();
		await expect.poll(() => status.locator('input').inputValue()).toBe('已结案');
		await page.locator('header button', { hasText: '保存' }).first().click();
		const dialog = page.locator('.v-card.error', { hasText: 'CMP-3' }).first();
		await dialog.waitFor({ timeout: 15_000 });
		const refusal = await dialog.innerText();
		expect(refusal).toContain('投诉不能从“已受理”直接改为“已结案”');
		expect(refusal).toMatch(/下一步可以是“联系客户”/);
		expect(refusal.match(/CMP-3/g)).toHaveLength(1);
		expect(refusal).not.toMatch(/cannot|complaint|received|closed/i);
		await page.screenshot({ path: join(SHOTS, 'studio-agent-refused-step.png') });
		await dialog.locator('button').last().click();
		const stored = await (await agent()).call(`/items/complaints/${complaint.id}?fields=status`);
		expect(stored.body.data.status).toBe('received');

		// ESC-4: back on the work queue, the agent acknowledges the breach they were told of.
		await page.goto(`${baseUrl()}/admin/after-sales`);
		page.once('dialog', (d) => void d.accept());
		const ack = page.locator(`[data-testid=queue-to_acknowledge] [data-testid=ack-${escalation.id}]`);
		await ack.waitFor({ timeout: 30_000 });
		await ack.click();
		await expect.poll(async () => (await escalationsOf('complaints', complaint.id)).find((e) => e.id === escalation.id)?.acknowledged_by, { timeout: 15_000 }).toBe(me);
		await expect.poll(() => ack.count(), { timeout: 15_000 }).toBe(0);
		await page.context().close();
	}, 240_000);

	test('CAL-3: when the service manager adds a holiday in the calendar form and saves, then the business calendar holds it', async () => {
		calendarBefore = await readCalendar();
		if (calendarBefore.holidays.includes(HOLIDAY)) {
			const { status } = await (await loginAdmin()).call('/items/service_settings', { method: 'PATCH', body: json({ calendar: { ...calendarBefore, holidays: calendarBefore.holidays.filter((d) => d !== HOLIDAY) } }) });
			expect(status).toBe(200);
		}
		const page = await signInToStudio(browser(), 'manager@example.com', DEMO_PASSWORD, { viewport: { width: 1440, height: 1500 } });
		await addHolidayInCalendarForm(page, HOLIDAY, async () => (await readCalendar()).holidays.includes(HOLIDAY));
		expect(await page.locator('main').innerText()).not.toContain('未知错误');
		const calendar = await readCalendar();
		expect(calendar.holidays).toEqual(expect.arrayContaining(['2026-10-01', HOLIDAY]));
		await page.context().close();
	}, 240_000);
});
