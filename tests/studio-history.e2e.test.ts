// The Studio as a service manager sees it (Debian's Chromium through playwright-core): a complaint's
// history is a timeline with names and status labels, and an escalation is acknowledged with the
// button on its form (CMP-3, ESC-4).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { useBrowser } from './browser';
import { baseUrl, json } from './helpers';
import { resetStartPage, signInToStudio } from './studio';
import { DEMO_PASSWORD, escalationsOf, hoursAgo, manager, sweep, userId, waitForTimers } from './sla-helpers';

const { browser, shots: SHOTS } = useBrowser();

const studioAsManager = () => signInToStudio(browser(), 'manager@example.com', DEMO_PASSWORD);

/** A complaint the manager records, received 3 h ago (so the sweep escalates it). */
async function managersComplaint() {
	const m = await manager();
	const { status, body } = await m.call('/items/complaints', {
		method: 'POST',
		body: json({ received_at: hoursAgo(3), channel: 'phone', recorder: await userId(manager()), category: 'quality', severity: 'normal', description: '拖拉机启动困难' }),
	});
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data as { id: number };
}

describe('the Studio (CMP-3, ESC-4)', () => {
	test('ESC-3: when a manager signs in to the Studio, then they land on 售后工作台 with their late work, escalations to acknowledge and today’s calls, each with a countdown', async () => {
		await managersComplaint();
		await sweep();
		await resetStartPage('manager@example.com');
		const page = await studioAsManager();
		await page.waitForURL(/\/admin\/after-sales/, { timeout: 30_000 });
		await page.waitForSelector('[data-testid=work-queue] [data-testid=queue-mine]', { timeout: 30_000 });
		const text = await page.locator('[data-testid=work-queue]').innerText();
		for (const heading of ['我的待办', '本级预警与超时', '待确认的升级', '今日回访']) expect(text).toContain(heading);
		await expect.poll(() => page.locator('[data-testid=queue-to_acknowledge] [data-testid=countdown]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
		expect(await page.locator('[data-testid=queue-to_acknowledge] [data-testid=countdown]').first().innerText()).toMatch(/已超时|剩余|无时限/);
		await page.screenshot({ path: join(SHOTS, 'studio-work-queue.png') });
		await page.context().close();
	}, 180_000);

	test('CMP-3: when a manager opens a complaint, then its history is a timeline naming who did each step, with the status label', async () => {
		const complaint = await managersComplaint();
		const page = await studioAsManager();
		await page.goto(`${baseUrl()}/admin/content/complaints/${complaint.id}`);
		const row = page.locator('[data-testid=history-row]').first();
		await row.waitFor({ timeout: 30_000 });
		await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('王建国');
		expect(await row.innerText()).toMatch(/已受理|Received/);
		expect(await page.locator('[data-testid=history-timeline]').innerText()).not.toContain('"by"');
		await row.scrollIntoViewIfNeeded();
		await page.screenshot({ path: join(SHOTS, 'studio-complaint-history.png') });
		await page.context().close();
	}, 180_000);

	test('ESC-4: when a notified manager presses acknowledge on an escalation, then it is acknowledged by them', async () => {
		const complaint = await managersComplaint();
		await waitForTimers('complaints', complaint.id, (t) => t.length === 3);
		await sweep();
		const escalation = (await escalationsOf('complaints', complaint.id)).find((e) => e.kind === 'breach');
		expect(escalation).toBeTruthy();
		const page = await studioAsManager();
		await page.goto(`${baseUrl()}/admin/content/escalations/${escalation.id}`);
		const button = page.locator('[data-testid=acknowledge-button]');
		await button.waitFor({ timeout: 30_000 });
		await button.click();
		await expect.poll(() => page.locator('[data-testid=acknowledge]').innerText(), { timeout: 10_000 }).toMatch(/已确认|Acknowledged/);
		await page.screenshot({ path: join(SHOTS, 'studio-escalation-acknowledged.png') });
		const after = (await escalationsOf('complaints', complaint.id)).find((e) => e.id === escalation.id);
		expect(after.acknowledged_by).toBe(await userId(manager()));
		await page.context().close();
	}, 180_000);

	test('FUP-3: when a manager opens the call list bookmark, then the calls due are listed with their customer and due time', async () => {
		const m = await manager();
		const preset = (await m.call(`/presets?filter[collection][_eq]=follow_ups&filter[bookmark][_eq]=${encodeURIComponent('$t:as_app_bookmark_calls_due')}&fields=id,bookmark&limit=1`)).body.data[0];
		expect(preset, 'the 待回访 bookmark is provisioned for the service manager').toBeTruthy();
		const page = await studioAsManager();
		await page.goto(`${baseUrl()}/admin/content/follow_ups?bookmark=${preset.id}`);
		await expect.poll(() => page.locator('main').innerText(), { timeout: 30_000 }).toMatch(/首次回访|满意度回访|二次回访|取车通知/);
		// The bookmark's name is a translation key: the Studio shows it in the user's language, never the key.
		await expect.poll(() => page.locator('body').innerText(), { timeout: 10_000 }).toContain('待回访');
		expect(await page.locator('body').innerText()).not.toContain('as_app_bookmark');
		await page.screenshot({ path: join(SHOTS, 'studio-call-list.png') });
		await page.context().close();
	}, 180_000);
});
