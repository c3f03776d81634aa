// RPT-2, RPT-3 against Directus's own aggregate API on the same data; RPT-4 quality scan raising
// each window's alert once, routed and notified; RPT-5 listing it.
import { beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, json, loginAdmin, session } from './helpers';
import { sweep } from './sla-helpers';

let admin: Awaited<ReturnType<typeof loginAdmin>>;
const tag = `Q${Date.now().toString(36).toUpperCase()}`;

beforeAll(async () => {
	admin = await loginAdmin();
});

async function aggregateCount(collection: string, filter: Record<string, unknown>) {
	const { body } = await admin.call(`/items/${collection}?aggregate[count]=*&filter=${encodeURIComponent(JSON.stringify(filter))}`);
	return Number(body.data[0].count);
}

const value = (lines: any[], key: string) => lines.find((l) => l.key === key)?.value;

describe('RPT-2: service summary', () => {
	test('RPT-2: when a month is summarised, then volumes equal Directus aggregates over the same Shanghai month', async () => {
		const { status, body } = await admin.call('/after-sales/reports/summary?period=month&at=2025-03');
		expect(status).toBe(200);
		const range = { _gte: '2025-02-28T16:00:00.000Z', _lt: '2025-03-31T16:00:00.000Z' };
		expect(body.data).toMatchObject({ period: 'month', at: '2025-03', from: '2025-03-01', to: '2025-03-31' });
		const lines = body.data.lines;
		expect(value(lines, 'requests_total')).toBe(await aggregateCount('service_requests', { received_at: range }));
		expect(value(lines, 'complaints_total')).toBe(await aggregateCount('complaints', { received_at: range }));
		expect(value(lines, 'repairs_total')).toBe(await aggregateCount('repair_records', { completed_at: range, status: { _neq: 'cancelled' } }));
		expect(value(lines, 'claims_submitted')).toEqual(expect.any(Number));
		expect(value(lines, 'claimed_amount')).toMatch(/^\d+\.\d{2}$/);
	});

	test('RPT-2: when a year is summarised, then the monthly lines add up to the year', async () => {
		const year = String(new Date().getUTCFullYear());
		const { status, body } = await admin.call(`/after-sales/reports/summary?period=year&at=${year}`);
		expect(status).toBe(200);
		const lines = body.data.lines;
		const total = value(lines, 'requests_total');
		expect(total).toBe(await aggregateCount('service_requests', { received_at: { _gte: `${Number(year) - 1}-12-31T16:00:00.000Z`, _lt: `${year}-12-31T16:00:00.000Z` } }));
		const monthly = lines.filter((l: any) => l.section === 'by_month' && l.key.startsWith('requests_')).reduce((s: number, l: any) => s + l.value, 0);
		expect(monthly).toBe(total);
		expect(total).toBeGreaterThan(0);
	});

	test('RPT-2: when exported as CSV, then the BOM and the same lines are there', async () => {
		const json = (await admin.call('/after-sales/reports/summary?period=month&at=2025-03')).body.data;
		const response = await fetch(`${baseUrl()}/after-sales/reports/summary?period=month&at=2025-03&format=csv`, { headers: { authorization: `Bearer ${admin.token}` } });
		expect(response.headers.get('content-disposition')).toContain('service-summary_2025-03.csv');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const lines = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
		expect(lines[0]).toBe('分类 Section,指标键 Key,指标 Figure (zh),指标（英文） Figure,数值 Value');
		expect(lines).toHaveLength(json.lines.length + 1);
		const total = lines.find((l) => l.includes(',requests_total,'))!;
		expect(total.split(',').at(-1)).toBe(String(value(json.lines, 'requests_total')));
	});
});

describe('RPT-3: weekly request report', () => {
	test('RPT-3: when a week is reported, then the total equals the aggregate and the days add up', async () => {
		const { status, body } = await admin.call('/after-sales/reports/weekly?week=2025-W11');
		expect(status).toBe(200);
		expect(body.data).toMatchObject({ week: '2025-W11', from: '2025-03-10', to: '2025-03-16' });
		const total = value(body.data.lines, 'requests_total');
		expect(total).toBe(await aggregateCount('service_requests', { received_at: { _gte: '2025-03-09T16:00:00.000Z', _lt: '2025-03-16T16:00:00.000Z' } }));
		const days = body.data.lines.filter((l: any) => l.section === 'by_day');
		expect(days.reduce((s: number, l: any) => s + l.value, 0)).toBe(total);
		expect(days.every((l: any) => l.key >= 'day_2025-03-10' && l.key <= 'day_2025-03-16')).toBe(true);
	});

	test('RPT-3: when no week is given, then the current ISO week is reported', async () => {
		const { status, body } = await admin.call('/after-sales/reports/weekly');
		expect(status).toBe(200);
		expect(body.data.week).toMatch(/^\d{4}-W\d{2}$/);
	});
});

describe('RPT-4 and RPT-5: recurring-problem warnings', () => {
	let product: number;

	beforeAll(async () => {
		product = (await admin.call('/items/products', { method: 'POST', body: json({ model: tag, name: `预警测试机 ${tag}`, category: 'tractor', warranty_months: 12, main_parts_warranty_months: 24 }) })).body.data.id;
		const [dealer] = (await admin.call('/items/dealers?limit=1&sort=id')).body.data;
		const unit = (await admin.call('/items/units', { method: 'POST', body: json({ serial_no: `${tag}-1`, product, dealer: dealer.id, sold_on: '2025-01-10', card_received_on: '2025-01-12' }) })).body.data.id;
		for (let i = 0; i < 3; i++) {
			const completed = new Date(Date.now() - (i + 1) * 60_000).toISOString();
			const { status, body } = await admin.call('/items/repair_records', {
				method: 'POST',
				body: json({ unit, dealer: dealer.id, status: 'completed', fault_category: 'cooling', fault_cause: 'misuse', fault_description: `overheating ${i}`, coverage: 'paid', quote_amount: '600.00', completed_at: completed }),
			});
			expect(status, JSON.stringify(body)).toBe(200);
		}
	});

	test('RPT-4: when a product has 3 service-caused faults this month, then one level-1 alert goes to the service manager, once', async () => {
		const manager = await session('manager@example.com', 'service-demo');
		const first = await manager.call('/after-sales/quality/scan', { method: 'POST' });
		expect(first.status).toBe(200);
		const mine = first.body.data.alerts.filter((a: any) => a.product === product);
		expect(mine).toEqual([expect.objectContaining({ window: 'month', level: 1, count: 3, threshold: 3, route: 'service_manager' })]);
		const second = await manager.call('/after-sales/quality/scan', { method: 'POST' });
		expect(second.body.data.alerts.filter((a: any) => a.product === product)).toEqual([]);
		const rows = (await admin.call(`/items/quality_alerts?filter[product][_eq]=${product}&fields=id,level,window,alert_key,status`)).body.data;
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ level: 1, window: 'month', status: 'open', alert_key: expect.stringContaining(`quality:${product}:cooling:`) });
		const managerId = (await manager.call('/users/me')).body.data.id;
		const notes = (await admin.call(`/notifications?filter[collection][_eq]=quality_alerts&filter[item][_eq]=${rows[0].id}&fields=recipient,subject`)).body.data;
		expect(notes.map((n: any) => n.recipient)).toContain(managerId);
		expect(notes[0].subject).toContain(tag);
	});

	test('RPT-4: when the same alert key is inserted twice, then the database refuses the second', async () => {
		const [row] = (await admin.call(`/items/quality_alerts?filter[product][_eq]=${product}&fields=alert_key`)).body.data;
		const { status } = await admin.call('/items/quality_alerts', { method: 'POST', body: json({ alert_key: row.alert_key, product, fault_category: 'cooling', window: 'month', level: 1 }) });
		expect(status).toBe(400);
	});

	test('RPT-5: when the monthly quality report is asked for, then it lists the alert and the month’s top faults', async () => {
		const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
		const { status, body } = await admin.call(`/after-sales/reports/quality?month=${month}`);
		expect(status).toBe(200);
		expect(body.data.alerts).toContainEqual(expect.objectContaining({ product_model: tag, fault_category: 'cooling', level: 1, carried_over: false, preventive_action: null }));
		expect(body.data.top_faults).toContainEqual({ product_model: tag, fault_category: 'cooling', repairs: 3 });
		const xlsx = await fetch(`${baseUrl()}/after-sales/reports/quality?month=${month}&format=xlsx`, { headers: { authorization: `Bearer ${admin.token}` } });
		expect(xlsx.status).toBe(200);
		expect(xlsx.headers.get('content-disposition')).toContain(`quality-report_${month}.xlsx`);
	});
});

describe('RPT-2, RPT-5: the monthly reports go out by themselves', () => {
	test('RPT-2, RPT-5: when the sweep runs in a new month, then the service managers get last month’s summary and the technical department its quality report, once', async () => {
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
		const first = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
		const month = new Date(first.getTime() - 86_400_000).toISOString().slice(0, 7);
		// RPT-2: the reports go out from job_schedules.monthly_reports (default the 1st at 08:00); from 00:00 here, so the test does not depend on the hour.
		const schedules = (await admin.call('/items/service_settings?fields=job_schedules')).body.data.job_schedules;
		expect((await admin.call('/items/service_settings', { method: 'PATCH', body: json({ job_schedules: { ...schedules, monthly_reports: { day: 1, at: '00:00' } } }) })).status).toBe(200);
		expect((await sweep()).status).toBe(200);
		expect((await sweep()).status).toBe(200);
		await admin.call('/items/service_settings', { method: 'PATCH', body: json({ job_schedules: schedules }) });
		const managerId = (await admin.call('/users?filter[email][_eq]=manager@example.com&fields=id')).body.data[0].id;
		const mine = (await admin.call(`/notifications?filter[recipient][_eq]=${managerId}&filter[subject][_contains]=${month}&fields=subject,message&limit=-1`)).body.data as any[];
		expect(mine.filter((n) => n.subject.startsWith('售后服务月度小结'))).toHaveLength(1);
		expect(mine.filter((n) => n.subject.startsWith('质量问题月报'))).toHaveLength(1);
		const summary = mine.find((n) => n.subject.startsWith('售后服务月度小结')).message as string;
		expect(summary).toContain(`/after-sales/reports/summary?period=month&at=${month}&format=xlsx`);
		// The report itself is filed as XLSX in the file library and linked from the notice.
		const fileId = /\/assets\/([0-9a-f-]{36})\?download/.exec(summary)?.[1];
		expect(fileId, summary).toBeTruthy();
		const file = (await admin.call(`/files/${fileId}?fields=filename_download,type,folder,filesize`)).body.data;
		expect(file).toMatchObject({ filename_download: `service-summary_${month}.xlsx`, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
		expect(Number(file.filesize)).toBeGreaterThan(1000);
		const asset = await fetch(`${baseUrl()}/assets/${fileId}?download`, { headers: { authorization: `Bearer ${admin.token}` } });
		expect(asset.status).toBe(200);
		expect(Buffer.from(await asset.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
		const files = (await admin.call(`/files?filter[filename_download][_eq]=quality-report_${month}.xlsx&fields=id`)).body.data;
		expect(files).toHaveLength(1);
	});
});

describe('INT-5: a NUL character in an endpoint’s input', () => {
	test('INT-5: when a report is asked for a dealer code with a NUL character, then it is a 400 naming dealer, not a 500 (PostgreSQL refuses NUL in text)', async () => {
		const res = await admin.call('/after-sales/reports/dealers?period=month&dealer=%00&format=xlsx');
		expect(res.status, JSON.stringify(res.body)).toBe(400);
		expect(res.body.errors[0].extensions).toMatchObject({ field: 'dealer', rule: 'INT-5' });
	});
});
