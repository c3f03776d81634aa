// 售后设置 as forms in the Studio (Debian's Chromium through playwright-core): the admin sees the
// State Council's holidays the install pre-filled, picks a date in the calendar form, saves, and the
// business calendar holds it (CAL-2, CAL-3; issue 12 item 4).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useBrowser } from './browser';
import { baseUrl, json, loginAdmin } from './helpers';
import { ADMIN } from './setup/directus-env';
import { addHolidayInCalendarForm, signInToStudio } from './studio';

const { browser, shots: SHOTS } = useBrowser();
let session: ReturnType<typeof loginAdmin> | null = null;
const admin = () => (session ??= loginAdmin());
const DAY = '2026-12-24';
let original: unknown = null;

const readCalendar = async () => {
	const { status, body } = await (await admin()).call('/items/service_settings?fields=calendar');
	expect(status, JSON.stringify(body)).toBe(200);
	return body.data.calendar as { holidays: string[]; adjusted_working_days: string[]; timezone: string; working_hours: Record<string, unknown> };
};

let owner: unknown = null;

beforeAll(async () => {
	// Directus's first-admin set-up dialog (project owner) would cover the form: name the owner first.
	const settings = await (await admin()).call('/settings?fields=project_owner');
	owner = settings.body.data?.project_owner ?? null;
	if (!owner) expect((await (await admin()).call('/settings', { method: 'PATCH', body: json({ project_owner: ADMIN.email, product_updates: false }) })).status).toBe(200);
	const calendar = await readCalendar();
	original = calendar;
	// The day is not a holiday yet, so the form's add is what makes it one.
	if (calendar.holidays.includes(DAY)) {
		const { status } = await (await admin()).call('/items/service_settings', { method: 'PATCH', body: json({ calendar: { ...calendar, holidays: calendar.holidays.filter((d) => d !== DAY) } }) });
		expect(status).toBe(200);
	}
});

afterAll(async () => {
	if (!owner) await (await admin()).call('/settings', { method: 'PATCH', body: json({ project_owner: null }) });
	if (original) await (await admin()).call('/items/service_settings', { method: 'PATCH', body: json({ calendar: original }) });
});

const studioAsAdmin = () => signInToStudio(browser(), ADMIN.email, ADMIN.password, { viewport: { width: 1440, height: 1500 }, admin: true });

describe('售后设置 as forms (CAL-1, CAL-2, CAL-3)', () => {
	test('CAL-1, CAL-3: when an admin opens 售后设置, picks a holiday in the calendar form and saves, then the calendar read over REST holds it, sorted, next to the State Council’s holidays', async () => {
		const page = await studioAsAdmin();
		await page.goto(`${baseUrl()}/admin/content/service_settings`);
		const form = page.locator('[data-testid=calendar-form]');
		await form.waitFor({ timeout: 60_000 });
		// The install pre-filled the published schedule: the form says so instead of showing raw JSON.
		await expect.poll(() => page.locator('[data-testid=year-holidays-2026] [data-testid=published-source]').count(), { timeout: 10_000 }).toBe(1);
		expect(await page.locator('[data-testid=year-holidays-2026]').innerText()).toContain('国务院');
		await addHolidayInCalendarForm(page, DAY, async () => (await readCalendar()).holidays.includes(DAY));
		await form.evaluate((el) => el.scrollIntoView({ block: 'start' }));
		await page.screenshot({ path: join(SHOTS, 'studio-calendar-form.png') });
		// The other settings are forms too: no raw JSON, and the reminder days read as days, not 未知错误 (WTY-6).
		for (const id of ['seasons-busy', 'seasons-sales', 'seasons-visit', 'thresholds-severity_levels', 'thresholds-dealer_rating', 'thresholds-quality', 'thresholds-delivery_retry', 'day-list-month_days', 'day-list-days']) {
			expect(await page.locator(`[data-testid=${id}]`).count(), id).toBe(1);
		}
		expect(await page.locator('[data-testid=day-list-days]').innerText()).toContain('提前 14 天');
		expect(await page.locator('[data-testid=day-list-month_days]').innerText()).toContain('06-30');
		expect(await page.locator('main').innerText()).not.toContain('未知错误');
		const calendar = await readCalendar();
		expect(calendar.holidays).toEqual([...calendar.holidays].sort());
		expect(calendar.holidays).toEqual(expect.arrayContaining(['2026-10-01', '2026-02-17', DAY]));
		expect(Object.keys(calendar.working_hours)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
		expect(calendar.timezone).toBe('Asia/Shanghai');
		await page.context().close();
	}, 240_000);

	test('ESC-1: when an admin opens an SLA policy, then its condition is a builder with the condition in words, not JSON', async () => {
		const policies = (await (await admin()).call('/items/sla_policies?fields=id,collection,condition&filter[collection][_eq]=complaints&limit=1')).body.data;
		expect(policies.length).toBe(1);
		const page = await studioAsAdmin();
		await page.goto(`${baseUrl()}/admin/content/sla_policies/${policies[0].id}`);
		const builder = page.locator('[data-testid=condition-builder]');
		await builder.waitFor({ timeout: 60_000 });
		expect(await builder.locator('[data-testid=condition-severity]').count()).toBe(1);
		expect(await builder.locator('[data-testid=condition-summary]').innerText()).toMatch(/^适用/);
		expect(await builder.locator('[data-testid=field-error]').count()).toBe(0);
		await page.context().close();
	}, 240_000);
});
