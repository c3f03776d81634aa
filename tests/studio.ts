// Shared by the Studio's Chromium tests: signing in as a user (Directus's own licence and
// project-owner questions to an admin dismissed), and adding a holiday in 售后设置's calendar form.
import { type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, json, loginAdmin } from './helpers';

/**
 * ESC-3: the user opens the Studio as a staff member who has not been anywhere yet (the install
 * sets `last_page` to the work queue; Directus then reopens whatever page they were on last, which
 * other test files change).
 */
export async function resetStartPage(email: string): Promise<void> {
	const admin = await loginAdmin();
	const user = (await admin.call(`/users?filter[email][_eq]=${encodeURIComponent(email)}&fields=id`)).body.data[0];
	expect(user, email).toBeTruthy();
	expect((await admin.call(`/users/${user.id}`, { method: 'PATCH', body: json({ last_page: '/after-sales' }) })).status).toBe(200);
}

/** A zh-CN Studio in Asia/Shanghai, signed in as `email`, on the page Directus lands them on. */
export async function signInToStudio(browser: Browser, email: string, password: string, opts: { viewport?: { width: number; height: number }; admin?: boolean } = {}): Promise<Page> {
	const viewport = opts.viewport ?? { width: 1440, height: 900 };
	const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
	const page = await context.newPage();
	await page.goto(`${baseUrl()}/admin/login`);
	await page.fill('input[type=email]', email);
	await page.fill('input[type=password]', password);
	await page.click('button[type=submit]', { timeout: 90_000 });
	await page.waitForURL(/\/admin\/(?!login)/);
	if (opts.admin) {
		// Directus asks an admin about a licence key once; the pack has nothing to do with it.
		const skip = page.locator('#dialog-outlet button:has-text("Skip")').first();
		await skip.waitFor({ timeout: 10_000 }).then(() => skip.click()).catch(() => undefined);
	}
	return page;
}

/**
 * CAL-3: on 售后设置, types `day` into the calendar form's holiday picker, adds it and saves the
 * way a user does (Ctrl+S, else the header's save button) until `saved()` says the calendar holds it.
 */
export async function addHolidayInCalendarForm(page: Page, day: string, saved: () => Promise<boolean>): Promise<void> {
	if (!page.url().endsWith('/admin/content/service_settings')) await page.goto(`${baseUrl()}/admin/content/service_settings`);
	await page.locator('[data-testid=calendar-form]').waitFor({ timeout: 60_000 });
	await page.fill('[data-testid=date-input-holidays]', day);
	await page.click('[data-testid=date-add-holidays]');
	await expect.poll(() => page.locator(`[data-testid=year-holidays-${day.slice(0, 4)}]`).innerText()).toContain(day.slice(5));
	expect(await page.locator('[data-testid=calendar-form] [data-testid=field-error]').count()).toBe(0);
	await page.keyboard.press('Control+s');
	const pressed = await expect.poll(saved, { timeout: 5_000 }).toBe(true).then(() => true, () => false);
	if (!pressed) await page.locator('button:has([data-icon=check])').first().click();
	await expect.poll(saved, { timeout: 15_000 }).toBe(true);
}
