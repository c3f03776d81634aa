// Issue #12 item 7: the demo archive `install --seed` loads (the one every test starts from) tells
// one consistent story, because the seed makes its records by driving the pack's workflows:
// approvals have their approver and history, signed repairs their signature image, written-off
// claims their steps and exactly one ledger credit, escalations are recent or acknowledged, and
// bilingual notes follow the `中文 / English` pattern. Only the seed's own rows are read (the
// first ids of each collection: other test files add theirs after it).
import { describe, expect, test } from 'vitest';
import { baseUrl, loginAdmin } from './helpers';

const SEEDED = { complaints: 40, repair_records: 120, service_requests: 160 };
const DAY = 86_400_000;

async function readAll(collection: string, query: string) {
	const admin = await loginAdmin();
	const res = await admin.call(`${collection === 'directus_users' ? '/users' : `/items/${collection}`}?limit=-1&${query}`);
	expect(res.status, JSON.stringify(res.body)).toBe(200);
	return res.body.data as any[];
}

const CJK = /[\u4e00-\u9fff]/;

describe('the demo data (issue #12 item 7)', () => {
	test('CMP-3, CMP-5: every approved, agreed, implemented, tracked or closed complaint has its approver and a history of each step up to its state', async () => {
		const rows = await readAll('complaints', `filter[id][_lte]=${SEEDED.complaints}&fields=id,status,approved_by,approved_at,closed_at,handler,first_response_at,history,handling_level,received_at`);
		expect(rows).toHaveLength(SEEDED.complaints);
		const order = ['received', 'contacting', 'analysing', 'proposed', 'approved', 'agreed', 'implementing', 'tracking', 'closed'];
		const managers = new Set((await readAll('directus_users', 'filter[email][_eq]=manager@example.com&fields=id')).map((u) => u.id));
		const approvedOnes = rows.filter((r) => order.indexOf(r.status) >= order.indexOf('approved'));
		expect(approvedOnes.length, 'the demo has approved complaints').toBeGreaterThan(0);
		for (const row of rows) {
			const history = row.history as { at: string; by: string | null; from: string | null; to: string }[];
			expect(history.length, `complaint ${row.id}`).toBeGreaterThan(0);
			expect(history[0]).toMatchObject({ from: null, to: 'received' });
			expect(history.at(-1)!.to, `complaint ${row.id} ends its history in its state`).toBe(row.status);
			// Each entry starts where the previous one ended, in time order, and names who made it.
			for (let i = 1; i < history.length; i++) {
				expect(history[i]!.from, `complaint ${row.id} step ${i}`).toBe(history[i - 1]!.to);
				expect(Date.parse(history[i]!.at)).toBeGreaterThanOrEqual(Date.parse(history[i - 1]!.at));
				expect(history[i]!.by, `complaint ${row.id} step ${i}`).toBeTruthy();
			}
			expect(Date.parse(history.at(-1)!.at)).toBeLessThanOrEqual(Date.now());
			if (row.status !== 'received') expect(row.first_response_at, `complaint ${row.id}`).toBeTruthy();
			if (order.indexOf(row.status) >= order.indexOf('approved')) {
				const approval = history.find((h) => h.to === 'approved');
				expect(row.approved_by, `complaint ${row.id}`).toBeTruthy();
				expect(approval?.by, `complaint ${row.id}`).toBe(row.approved_by);
				// Whole seconds: MariaDB's datetime keeps no milliseconds, the history's JSON does.
				expect(Math.floor(Date.parse(row.approved_at) / 1000)).toBe(Math.floor(Date.parse(approval!.at) / 1000));
				if (row.handling_level < 3) expect(managers.has(row.approved_by), `complaint ${row.id} approved by the manager`).toBe(true);
			} else {
				expect(row.approved_by, `complaint ${row.id}`).toBeNull();
			}
			if (row.status === 'closed') expect(Date.parse(row.closed_at)).toBe(Date.parse(history.at(-1)!.at));
		}
	});

	test('WTY-5: every signed repair has a customer signature that is a stored PNG image', async () => {
		const admin = await loginAdmin();
		const rows = await readAll('repair_records', `filter[id][_lte]=${SEEDED.repair_records}&fields=id,signed_at,signer_name,customer_signature.id,customer_signature.type`);
		const signed = rows.filter((r) => r.signed_at || r.signer_name);
		expect(signed.length).toBeGreaterThan(0);
		const files = new Set<string>();
		for (const row of signed) {
			expect(row.customer_signature?.id, `repair ${row.id}`).toBeTruthy();
			expect(row.customer_signature.type).toBe('image/png');
			files.add(row.customer_signature.id);
		}
		for (const id of files) {
			const res = await fetch(`${baseUrl()}/assets/${id}`, { headers: { authorization: `Bearer ${admin.token}` } });
			expect(res.status).toBe(200);
			const bytes = Buffer.from(await res.arrayBuffer());
			expect(bytes.subarray(0, 8).toString('hex'), `file ${id} is a PNG`).toBe('89504e470d0a1a0a');
		}
	});

	test('WTY-7, WTY-8: every written-off claim went draft → submitted → audited → inspected → approved → settled and posted exactly one ledger credit of its approved amount', async () => {
		const claims = await readAll('warranty_claims', `filter[repair_record][_lte]=${SEEDED.repair_records}&fields=id,status,history,approved_amount,approved_by,settled_by,settled_at,writeoff_notice_no,dealer`);
		const settled = claims.filter((c) => c.status === 'settled');
		expect(settled.length, 'the demo has written-off claims').toBeGreaterThan(0);
		const ledger = await readAll('dealer_ledger', `filter[entry_type][_eq]=warranty_credit&fields=id,claim,amount,dealer,posted_at`);
		for (const claim of claims) {
			const history = claim.history as { to: string; from: string | null; at: string }[];
			expect(history.at(-1)?.to, `claim ${claim.id}`).toBe(claim.status);
			const credits = ledger.filter((e) => String(e.claim) === String(claim.id));
			if (claim.status !== 'settled') {
				expect(credits, `claim ${claim.id} (${claim.status}) has no credit`).toHaveLength(0);
				continue;
			}
			expect(history.map((h) => h.to)).toEqual(['draft', 'submitted', 'audited', 'inspected', 'approved', 'settled']);
			expect(claim.approved_by && claim.settled_by && claim.writeoff_notice_no, `claim ${claim.id}`).toBeTruthy();
			expect(credits, `claim ${claim.id}`).toHaveLength(1);
			expect(Number(credits[0].amount)).toBeCloseTo(Number(claim.approved_amount), 2);
			expect(String(credits[0].dealer)).toBe(String(claim.dealer));
			expect(Date.parse(credits[0].posted_at)).toBe(Date.parse(claim.settled_at));
		}
	});

	test('ESC-4: no escalation older than 7 days is left unacknowledged, and the acknowledged ones name who read them', async () => {
		const all = await readAll('escalations', 'fields=id,due_at,occurred_at,acknowledged_at,acknowledged_by,notified_users,collection,item');
		const rows = all.filter((r) => Number(r.item) <= SEEDED[r.collection as 'complaints' | 'service_requests']);
		expect(rows.length, 'the demo desk has escalations').toBeGreaterThan(0);
		// Late means due (or raised) over a week ago: the desk would have read it by now.
		const stale = rows.filter((r) => !r.acknowledged_at && Math.min(Date.parse(r.due_at ?? r.occurred_at), Date.parse(r.occurred_at)) < Date.now() - 7 * DAY);
		expect(stale.map((r) => `${r.collection}#${r.item}`)).toEqual([]);
		const acknowledged = rows.filter((r) => r.acknowledged_at);
		expect(acknowledged.length, 'yesterday’s escalations were acknowledged').toBeGreaterThan(0);
		for (const row of acknowledged) {
			expect(row.acknowledged_by, `escalation ${row.id}`).toBeTruthy();
			expect(Date.parse(row.acknowledged_at)).toBeGreaterThanOrEqual(Date.parse(row.occurred_at));
		}
		// Today's desk: some escalations still to acknowledge, all of them recent.
		expect(rows.some((r) => !r.acknowledged_at)).toBe(true);
	});

	test('INT-5: no ledger note mixes Chinese and English outside the `中文 / English` pattern', async () => {
		const rows = await readAll('dealer_ledger', `fields=id,note&filter[note][_nnull]=true&filter[claim][repair_record][_lte]=${SEEDED.repair_records}`);
		expect(rows.length).toBeGreaterThan(0);
		const mixed = rows.filter((r) => {
			const note = String(r.note);
			if (!CJK.test(note) || !/[A-Za-z]{2,}/.test(note.replace(/\b[A-Z]{1,3}\d[\w-]*/g, ''))) return false;
			const [zh, en, ...rest] = note.split(' / ');
			return rest.length > 0 || en === undefined || !CJK.test(zh!) || CJK.test(en);
		});
		expect(mixed.map((r) => `${r.id}: ${r.note}`)).toEqual([]);
	});
});
