// `npm run seed` / first `npm start`: a realistic, deterministic demo archive written through
// Directus's own services (so types, casts and relations are Directus's), then the derived
// columns (warranty status, customer overview) computed by the same code the hooks use.
import { provisionStudio } from '../install/provision-studio';
import { Readable } from 'node:stream';
import { formatMoney, multiplyMoney, parseMoney, sumMoney } from '../../domain/money';
import { computeDayEnd, computeFollowUpKey, computeSurveyToken } from '../../domain/follow-ups';
import { computeRequestPath, type RequestStatus } from '../../domain/service-requests';
import { computeLocalDate } from '../../domain/warranty';
import { decidePartsPlanFiling } from '../../domain/dealer-plans';
import { computeNextSeason, DEFAULT_SALES_SEASONS } from '../../domain/seasons';
import { computeDatePlusDays } from '../../domain/warranty/compute-date-plus-days';
import { ROLE_BY_KEY } from '../install/roles';
import { SYSTEM_ACCOUNTABILITY, type PackContext } from '../lib/context';
import { fromInstant } from '../lib/db-values';
import { refreshCustomerOverview } from '../hooks/archive';
import { refreshAllUnits } from '../hooks/units';
import { syncOpenRecords } from '../sla';
import { runSweep } from '../sla/run-sweep';
import {
	FAULTS, PARTS, PRODUCTS, REGIONS, companyName, createRng, daysAfter, daysBefore, instantOn, personName, phone,
} from './demo-data';
import { accountabilityOf, acknowledgeEscalations, complaintPath, driveClaim, driveComplaint, findAdministrator, signaturePng } from './seed-workflows';

export const DEMO_PASSWORD = 'service-demo';

export const DEMO_USERS = [
	{ email: 'manager@example.com', first_name: '建国', last_name: '王', role: 'service_manager', title: '售后服务部主管', mobile: '13800000001' },
	{ email: 'agent@example.com', first_name: '海燕', last_name: '李', role: 'service_agent', title: '客服专员', mobile: '13800000002' },
	{ email: 'tech1@example.com', first_name: '志强', last_name: '张', role: 'technician', title: '售后工程师', mobile: '13800000011' },
	{ email: 'tech2@example.com', first_name: '立新', last_name: '刘', role: 'technician', title: '售后工程师', mobile: '13800000012' },
	{ email: 'tech3@example.com', first_name: '春生', last_name: '陈', role: 'technician', title: '技术员', mobile: '13800000013' },
] as const;

/** How far back the demo's deadline sweeps start, and how often they ran. */
const SWEEP_DAYS = 6;
const SWEEP_EVERY_HOURS = 4;

export type SeedReport = Record<string, number>;

type SeedOptions = { onlyIfEmpty: boolean; seed?: number; today?: string };

/** All or nothing: a failed seed leaves no half-written archive behind. */
export async function seedDemo(ctx: PackContext, options: SeedOptions): Promise<SeedReport | null> {
	if (options.onlyIfEmpty) {
		const [row] = (await ctx.database('dealers').count({ n: '*' })) as { n: number | string }[];
		if (Number(row?.n ?? 0) > 0) return null;
	}
	const report = await ctx.database.transaction((trx) => seedInto({ ...ctx, database: trx }, options));
	// Derived columns are computed after commit by the same code the hooks use.
	await refreshAllUnits(ctx, new Date());
	await refreshCustomerOverview(ctx.database, report.customerIds);
	await syncOpenRecords(ctx); // ESC-1: the seed writes timers for the open records, as the hooks would
	// ESC-2: the sweep ran every few hours over the desk's last days, so warnings and breaches arrived
	// when they were due; ESC-4: those older than a day have been acknowledged.
	const now = new Date();
	for (let hours = SWEEP_DAYS * 24; hours > 0; hours -= SWEEP_EVERY_HOURS) await runSweep(ctx, new Date(now.getTime() - hours * 3_600_000));
	await runSweep(ctx, now);
	const staff = (await ctx.database('directus_users').whereIn('email', DEMO_USERS.filter((u) => u.role !== 'technician').map((u) => u.email)).select('id')).map((u: { id: string }) => u.id);
	report.counts['escalations_acknowledged'] = await acknowledgeEscalations(ctx.database, new Date(now.getTime() - 86_400_000), staff);
	return report.counts;
}

async function seedInto(ctx: PackContext, options: SeedOptions) {
	const knex = ctx.database;
	const rng = createRng(options.seed ?? 20261122);
	const today = options.today ?? new Date().toISOString().slice(0, 10);
	const now = new Date();
	const schema = await ctx.getSchema({ database: knex });
	const svc = (collection: string) => new ctx.services.ItemsService(collection, { knex, schema, accountability: SYSTEM_ACCOUNTABILITY });
	const quiet = { emitEvents: false };
	const report: SeedReport = {};
	const createMany = async (collection: string, rows: Record<string, unknown>[]) => {
		const ids: number[] = [];
		for (let i = 0; i < rows.length; i += 250) ids.push(...(await svc(collection).createMany(rows.slice(i, i + 250), quiet)));
		report[collection] = (report[collection] ?? 0) + rows.length;
		return ids;
	};

	// Dealers (DLR-1)
	const dealerRows = REGIONS.map((region, i) => ({
		code: `D${String(i + 1).padStart(3, '0')}`,
		name: `${region.city}${rng.pick(['农机', '润丰农机', '金田农业机械', '众诚农机'])}销售服务有限公司`,
		region: `${region.province}·${region.city}`,
		tier: i < 3 ? 'A' : i < 7 ? 'B' : 'C',
		status: i === 9 ? 'probation' : 'active',
		contact_person: personName(rng),
		phone: phone(rng),
		address: `${region.province}省${region.city}市${rng.pick(region.county)}农机大市场${rng.int(1, 88)}号`,
		agreement_area: `${region.province}省${region.city}市全境`,
		agreement_start: daysBefore(today, 900),
		agreement_end: daysAfter(today, 540),
	}));
	// DLR-3: every demo dealer has filed its parts plan for the coming season (D007 late when seeded after the deadline).
	const season = computeNextSeason(DEFAULT_SALES_SEASONS, 30, new Date(`${today}T04:00:00Z`), 'UTC');
	const onTimeDay = today < computeDatePlusDays(season.deadline, -5) ? today : computeDatePlusDays(season.deadline, -5);
	const planOf = (i: number) => {
		const filedOn = i === 6 && today > season.deadline ? today : onTimeDay;
		const { plans } = decidePartsPlanFiling({
			season: season.key, year: season.year, note: undefined,
			lines: [
				{ part_no: 'YB-25-01', part_name: '液压泵总成', quantity: String(2 + (i % 3)), kind: 'warranty' },
				{ part_no: 'LV-60-12', part_name: '割台皮带', quantity: String(10 + i), kind: 'wear' },
				{ part_no: 'FL-08-03', part_name: '机油滤芯', quantity: '40', kind: 'wear' },
			],
		}, { seasons: DEFAULT_SALES_SEASONS, leadDays: 30, today: filedOn, now: new Date(`${filedOn}T02:00:00Z`), user: null, existing: [] });
		return { parts_plans: plans, parts_plan_filed_on: filedOn };
	};
	const dealerIds = await createMany('dealers', dealerRows.map((row, i) => ({ ...row, ...planOf(i) })));

	// Products (WTY-10)
	const productIds = await createMany('products', PRODUCTS.map(({ price: _price, ...p }) => ({ ...p, regulation_profile: 'auto' })));

	// Users: three Studio seats (admin + manager + agent) and portal users who hold none.
	const users = new ctx.services.UsersService({ knex, schema, accountability: SYSTEM_ACCOUNTABILITY });
	const userIds: Record<string, string> = {};
	for (const u of DEMO_USERS) {
		const [existing] = await users.readByQuery({ filter: { email: { _eq: u.email } }, limit: 1 });
		userIds[u.email] = existing?.id ?? (await users.createOne({
			email: u.email, password: DEMO_PASSWORD, first_name: u.first_name, last_name: u.last_name, title: u.title, mobile: u.mobile,
			role: ROLE_BY_KEY.get(u.role)!.id, status: 'active', language: 'zh-CN',
		}));
	}
	for (let i = 0; i < 3; i++) {
		const email = `dealer${i + 1}@example.com`;
		const [existing] = await users.readByQuery({ filter: { email: { _eq: email } }, limit: 1 });
		userIds[email] = existing?.id ?? (await users.createOne({
			email, password: DEMO_PASSWORD, first_name: dealerRows[i]!.contact_person.slice(1), last_name: dealerRows[i]!.contact_person.slice(0, 1),
			title: `${dealerRows[i]!.code} 服务经理`, role: ROLE_BY_KEY.get('dealer')!.id, status: 'active', language: 'zh-CN', dealer: dealerIds[i],
		}));
	}
	report['users'] = DEMO_USERS.length + 3;
	const manager = userIds['manager@example.com']!;
	const agent = userIds['agent@example.com']!;
	const technicians = DEMO_USERS.filter((u) => u.role === 'technician').map((u) => userIds[u.email]!);

	// Customers (ARC-1)
	const customerRows = Array.from({ length: 200 }, (_, i) => {
		const d = i % dealerIds.length;
		const region = REGIONS[d]!;
		const company = rng.chance(0.45);
		const contact = personName(rng);
		return {
			name: company ? companyName(rng, region) : contact,
			type: company ? 'company' : 'individual',
			contact_person: contact,
			phone: phone(rng),
			region: `${region.province}·${region.city}`,
			address: `${region.province}省${region.city}市${rng.pick(region.county)}${rng.pick(['东', '西', '南', '北', '前', '后'])}${rng.pick(['王', '李', '张', '刘'])}村`,
			key_account: company && rng.chance(0.3),
			dealer: dealerIds[d],
			responsible_staff: rng.chance(0.5) ? agent : manager,
			status: 'active',
			credit_notes: rng.chance(0.2) ? '信用良好，按期付款' : null,
		};
	});
	const customerIds = await createMany('customers', customerRows);

	// Units (WTY-1, WTY-2): sales over three years; most cards on time, some late or missing.
	const unitRows = Array.from({ length: 500 }, (_, i) => {
		const c = rng.int(0, customerIds.length - 1);
		const dealerIndex = c % dealerIds.length;
		const p = rng.int(0, productIds.length - 1);
		const sold = daysBefore(today, rng.int(3, 1100));
		const r = rng.next();
		const cardDays = r < 0.8 ? rng.int(2, 19) : r < 0.9 ? rng.int(21, 45) : null;
		const cardOn = cardDays === null ? null : daysAfter(sold, cardDays);
		return {
			serial_no: `${PRODUCTS[p]!.model.replace(/[^A-Z0-9]/g, '')}${sold.slice(2, 4)}${String(100000 + i * 37 + rng.int(0, 30)).slice(-6)}`,
			product: productIds[p],
			customer: customerIds[c],
			dealer: dealerIds[dealerIndex],
			sold_on: sold,
			invoice_no: `FP${sold.replace(/-/g, '')}${String(i).padStart(4, '0')}`,
			card_received_on: cardOn && cardOn <= today ? cardOn : null,
			production_date: daysBefore(sold, rng.int(20, 120)),
			batch_no: `B${sold.slice(0, 7).replace('-', '')}-${rng.int(1, 9)}`,
		};
	});
	const unitIds = await createMany('units', unitRows);

	// Service requests across their states, some sent to dealers as tasks (REQ, DLR-2).
	// A desk's day: a handful of requests open in each state, most of the half-year closed.
	const requestStates = ['new', 'answered', 'reported', 'dispatched', 'scheduled', 'on_site', 'waiting_parts', 'resolved', ...Array<string>(40).fill('closed')];
	const requestRows = Array.from({ length: 160 }, () => {
		const u = rng.int(0, unitIds.length - 1);
		const unit = unitRows[u]!;
		const category = rng.pick(Object.keys(FAULTS));
		const status = rng.pick(requestStates);
		// Open requests came in over the last days (their deadlines are today's business); closed ones over half a year.
		const ageDays = status === 'new' ? 0 : status === 'closed' ? rng.int(3, 180) : rng.int(0, 4);
		const received = ageDays === 0 ? new Date(now.getTime() - rng.int(5, 240) * 60_000) : instantOn(daysBefore(today, ageDays), rng);
		const dealerTask = rng.chance(0.35);
		const dispatched = ['dispatched', 'scheduled', 'on_site', 'waiting_parts', 'resolved', 'closed'].includes(status);
		const assignee = dispatched && !dealerTask ? rng.pick(technicians) : null;
		// REQ-1..3: the history is a path the workflow allows, one step after another between the call and now.
		const path = computeRequestPath(status as RequestStatus, dispatched && status === 'closed' ? 'resolved' : undefined);
		const span = Math.max(60_000, Math.min(now.getTime() - received.getTime(), (ageDays === 0 ? 1 : 5) * 86_400_000));
		// The first answer comes within the hour (REQ-2); later steps spread over the request's life.
		const answered = received.getTime() + Math.min(span / 2, rng.int(5, 50) * 60_000);
		const at = (i: number) => new Date(i === 0 ? received.getTime() : i === 1 ? answered : answered + Math.round(((span - (answered - received.getTime())) * (i - 1)) / path.length)).toISOString();
		const history = path.map((to, i) => ({
			at: at(i), by: i === 0 || !['scheduled', 'on_site', 'waiting_parts', 'resolved'].includes(to) || !assignee ? agent : assignee,
			from: i === 0 ? null : path[i - 1], to, summary: i === 0 ? `registered as new (REQ-1)` : `${path[i - 1]} → ${to} (${['new', 'answered', 'reported'].includes(path[i - 1]!) ? 'REQ-2' : 'REQ-3'})`,
		}));
		const stepAt = (state: string) => history.find((h) => h.to === state)?.at ?? null;
		return {
			type: dealerTask ? 'dealer_task' : rng.pick(['repair', 'repair', 'consultation', 'maintenance']),
			channel: rng.pick(['phone', 'phone', 'phone', 'visit', 'fax', 'wechat', 'dealer']),
			received_at: received.toISOString(),
			recorder: agent,
			customer: unit.customer,
			unit: unitIds[u],
			problem: rng.pick(FAULTS[category]!.text),
			requested_service: rng.pick(['请尽快派人上门维修', '电话指导即可', '要求更换配件', '希望农忙前修好']),
			status,
			handling_level: 1,
			assignee,
			dealer: dealerTask ? unit.dealer : null,
			dispatched_at: stepAt('dispatched'),
			scheduled_at: dealerTask ? stepAt('scheduled') : null,
			// DLR-2: the sales clerk checked the scheduled dealer tasks half an hour after the dealer scheduled them.
			...(dealerTask && stepAt('scheduled') && Date.parse(stepAt('scheduled')!) + 1_800_000 < now.getTime()
				? { clerk_check_result: 'in_hand', clerk_checked_at: new Date(Date.parse(stepAt('scheduled')!) + 1_800_000).toISOString(), clerk_checked_by: agent }
				: {}),
			accepted_at: stepAt('scheduled') ?? (stepAt('on_site') && dispatched ? stepAt('on_site') : null),
			arrived_at: stepAt('on_site'),
			first_response_at: history[1]?.at ?? null,
			resolved_at: stepAt('resolved'),
			history,
			service_mode: rng.pick(['free', 'free', 'paid', 'contract']),
		};
	});
	const requestIds = await createMany('service_requests', requestRows);

	// CMP-3: a complaint the customer agreed to carries the signed handling agreement (one demo scan);
	// WTY-5: a repair the customer signed carries the signature image drawn in the portal.
	const files = new ctx.services.FilesService({ knex, schema, accountability: SYSTEM_ACCOUNTABILITY });
	const storage = String(ctx.env['STORAGE_LOCATIONS'] ?? 'local').split(',')[0]!.trim();
	const agreementFile: string = await files.uploadOne(Readable.from(Buffer.from('%PDF-1.4\n% 投诉处理协议（演示） / complaint handling agreement (demo)\n%%EOF\n')), {
		storage, type: 'application/pdf', filename_download: 'handling-agreement-demo.pdf', title: '投诉处理协议（演示） / Handling agreement (demo)',
	}, undefined, { emitEvents: false });
	const signatureFiles: string[] = [];
	for (let i = 0; i < 4; i++) {
		signatureFiles.push(await files.uploadOne(Readable.from(signaturePng(i)), {
			storage, type: 'image/png', filename_download: `customer-signature-demo-${i + 1}.png`, title: `用户签字（演示 ${i + 1}） / Customer signature (demo ${i + 1})`,
		}, undefined, { emitEvents: false }));
	}

	// Complaints walked along the CMP-3 workflow by the people who take each step: the agent
	// registers and handles, the service manager approves or rejects (leadership at level 3, CMP-5).
	// Open ones arrived in the last days, so their deadlines are today's business.
	const administrator = await findAdministrator(knex);
	const agentAcc = accountabilityOf(agent, 'service_agent');
	const managerAcc = accountabilityOf(manager, 'service_manager');
	const complaintStates = ['received', 'contacting', 'analysing', 'proposed', 'approved', 'agreed', 'implementing', 'tracking', ...Array<string>(9).fill('closed'), 'rejected', 'rejected'];
	for (let n = 0; n < 40; n++) {
		const u = rng.int(0, unitIds.length - 1);
		const unit = unitRows[u]!;
		const severity = rng.pick(['normal', 'normal', 'normal', 'serious', 'critical']);
		const category = rng.pick(['quality', 'quality', 'attitude', 'delivery', 'billing', 'other']);
		const status = rng.pick(complaintStates);
		const path = complaintPath(status);
		const finished = status === 'closed' || status === 'rejected';
		const received = status === 'received'
			? new Date(now.getTime() - rng.int(10, 300) * 60_000)
			: finished ? instantOn(daysBefore(today, rng.int(12, 200)), rng) : new Date(now.getTime() - rng.int(path.length * 3, 24 * 5) * 3_600_000);
		// CMP-4: the customer is called back within the hour; later steps spread over the complaint's life.
		const span = finished ? rng.int(2, 10) * 86_400_000 : now.getTime() - received.getTime() - 30 * 60_000;
		const contacted = received.getTime() + rng.int(10, 55) * 60_000;
		const times = path.map((_, i) => new Date(i === 0 ? received.getTime() : i === 1 ? contacted : contacted + Math.round(((span - (contacted - received.getTime())) * (i - 1)) / Math.max(1, path.length - 2))));
		const level = severity === 'critical' ? 3 : severity === 'serious' ? 2 : 1;
		await driveComplaint(knex, svc('complaints'), {
			row: {
				received_at: received.toISOString(), channel: rng.pick(['phone', 'letter', 'visit', 'wechat']), recorder: agent,
				customer: unit.customer, unit: unitIds[u], product: unit.product, batch_no: unit.batch_no, production_date: unit.production_date,
				category, severity,
				description: category === 'quality' ? `${rng.pick(Object.values(FAULTS)).text[0]}，修过一次还是不行` : category === 'attitude' ? '服务人员上门迟到且态度生硬' : category === 'delivery' ? '配件发货延误一周' : category === 'billing' ? '维修收费高于报价' : '说明书内容与实物不符',
				customer_request: rng.pick(['要求更换新机', '要求赔偿误工损失', '要求道歉并尽快修复', '要求退还多收费用']),
			},
			status, times,
			handler: level === 3 ? managerAcc : agentAcc,
			leader: level === 3 ? administrator : managerAcc,
			agreementFile, rejectionReason: '经核实为使用不当造成，不属于质量问题',
			satisfaction: status === 'closed' ? rng.int(3, 5) : null,
		}, agentAcc);
	}
	report['complaints'] = 40;

	// Repairs and their parts, signed by the customer on completion (WTY-5); dealers' warranty repairs become claims (WTY-7).
	const repairIds: number[] = [];
	const repairCustomers = new Map<number, number>();
	const repairFacts: { id: number; dealer: number; coverage: string; technician: string | null; partIds: number[]; completed: string }[] = [];
	for (let i = 0; i < 120; i++) {
		const u = rng.int(0, unitIds.length - 1);
		const unit = unitRows[u]!;
		const category = rng.pick(Object.keys(FAULTS));
		const fault = FAULTS[category]!;
		const completedDay = daysBefore(today, rng.int(1, 330));
		const completed = instantOn(completedDay, rng);
		const dropped = new Date(completed.getTime() - rng.int(1, 6) * 86_400_000);
		const inWarranty = completedDay <= daysAfter(unit.sold_on, 365) && unit.card_received_on !== null;
		const coverage = inWarranty ? 'warranty' : rng.pick(['paid', 'paid', 'contract']);
		const partsPicked = [rng.pick(PARTS[category]!)];
		if (rng.chance(0.3)) partsPicked.push(rng.pick(PARTS[category]!));
		const partRows = partsPicked.map((part, j) => {
			const quantity = String(rng.int(1, 3));
			const amount = multiplyMoney(parseMoney(part.price, 'unit_price'), quantity);
			return { part_no: part.part_no, part_name: part.part_name, quantity, unit_price: part.price, amount: formatMoney(amount), is_main_part: part.main, old_part_serial: `OLD-${rng.int(10000, 99999)}-${i + 1}${j ? `-${j + 1}` : ''}`, old_part_status: 'pending', _amount: amount };
		});
		const labour = parseMoney(String(rng.int(2, 12) * 40), 'labour_cost');
		const travel = parseMoney(String(rng.int(0, 6) * 30), 'travel_cost');
		const parts = sumMoney(partRows.map((p) => p._amount));
		const technician = rng.chance(0.4) ? rng.pick(technicians) : null;
		const [id] = await svc('repair_records').createMany([{
			unit: unitIds[u], dealer: unit.dealer, technician,
			status: 'completed', fault_category: category, fault_scope: fault.scope, fault_cause: 'normal',
			fault_description: rng.pick(fault.text), work_done: `更换${partsPicked.map((p) => p.part_name).join('、')}，试机正常`,
			received_at: dropped.toISOString(), dropped_off_at: dropped.toISOString(), completed_at: completed.toISOString(),
			pricing_mode: rng.pick(['system', 'symptom', 'item']), parts_source: 'ours', coverage,
			// REQ-4: paid service is quoted first; the demo charges what was quoted.
			quote_amount: coverage === 'paid' ? formatMoney(labour + travel + parts) : null,
			labour_cost: formatMoney(labour), travel_cost: formatMoney(travel), parts_cost: formatMoney(parts), total_cost: formatMoney(labour + travel + parts),
			signer_name: personName(rng), signed_at: completed.toISOString(), customer_signature: signatureFiles[i % signatureFiles.length],
			parts: partRows.map(({ _amount, ...p }) => p),
		}], quiet);
		repairIds.push(id);
		repairCustomers.set(id, unit.customer as number);
		const partIds = (await knex('repair_parts').where({ repair_record: id }).orderBy('id').select('id')).map((r: { id: number }) => Number(r.id));
		repairFacts.push({ id, dealer: unit.dealer!, coverage, technician, partIds, completed: completed.toISOString() });
	}
	report['repair_records'] = repairIds.length;

	// WTY-7, WTY-8: the dealers' own warranty repairs are claimed and taken as far as their age
	// allows — audited by the sales representative, old parts inspected, approved by finance, the
	// write-off confirmed — each step through the claim workflow, the settlement posting its one credit.
	const claimStates = ['draft', 'submitted', 'audited', 'inspected', 'approved', 'approved', 'settled', 'settled', 'settled', 'rejected'] as const;
	const claimSteps = [0, 1, 3, 6, 10, 14]; // days after the repair: filed, submitted, audited, inspected, approved, settled
	const claimed: Record<string, number> = {};
	for (const repair of repairFacts.filter((r) => r.coverage === 'warranty' && r.technician === null)) {
		let status: (typeof claimStates)[number] = rng.pick(claimStates);
		const base = Date.parse(repair.completed) + 2 * 3_600_000;
		const times = claimSteps.map((d) => new Date(base + d * 86_400_000 + rng.int(0, 300) * 60_000));
		// A claim goes no further than its age allows.
		const forward = ['draft', 'submitted', 'audited', 'inspected', 'approved', 'settled'] as const;
		const last = status === 'rejected' ? 1 : forward.indexOf(status);
		const reachable = times.findIndex((t) => t.getTime() > now.getTime());
		if (reachable !== -1 && reachable <= last) status = forward[Math.max(0, reachable - 1)]!;
		const result = await driveClaim(knex, svc('warranty_claims'), svc('repair_parts'), {
			repair: repair.id, status, times, staff: administrator, travelCut: rng.chance(0.2),
			rejectionReason: rng.pick(['parts_not_returned', 'excluded_cause', 'over_scope']), parts: repair.partIds,
		});
		if (result) claimed[result.status] = (claimed[result.status] ?? 0) + 1;
	}
	report['warranty_claims'] = Object.values(claimed).reduce((a, b) => a + b, 0);
	const [credits] = (await knex('dealer_ledger').count({ n: '*' })) as { n: number | string }[];
	report['dealer_ledger'] = Number(credits?.n ?? 0);

	// FUP-1..6: follow-ups as the rules leave them, each under its rule key (the seed writes without
	// events): first calls after dispatch, satisfaction calls after service — most made, some
	// answered by the customer online (满意度调查表), a few left undone and missed — and today's call
	// list: calls due today with the survey link ready to send.
	const zone = 'Asia/Shanghai';
	const localToday = computeLocalDate(now, zone);
	const endOfToday = computeDayEnd(localToday, zone);
	const followRows: Record<string, unknown>[] = [];
	const dueToday: number[] = [];
	const comments = ['客户对维修结果满意', '技术员按时到达，服务好', '希望配件供应更快', '整体满意', '维修及时，态度好'];
	requestRows.forEach((r, i) => {
		const id = requestIds[i]!;
		const key = (kind: 'first_call' | 'satisfaction_call') => computeFollowUpKey({ collection: 'service_requests', id }, kind);
		if (r.dispatched_at) {
			const at = new Date(r.dispatched_at);
			const fresh = now.getTime() - at.getTime() < 86_400_000;
			if (fresh) dueToday.push(followRows.length);
			followRows.push({
				follow_up_key: key('first_call'), kind: 'first_call', customer: r.customer, service_request: id, status: fresh ? 'planned' : 'done',
				due_at: new Date(at.getTime() + 2 * 3_600_000).toISOString(), due_until: fresh ? endOfToday.toISOString() : null,
				done_at: fresh ? null : new Date(at.getTime() + rng.int(20, 110) * 60_000).toISOString(), done_by: fresh ? null : agent, channel: fresh ? null : 'phone',
				notes: fresh ? null : '已确认到达时间、人员与所需工具（FUP-1）',
			});
		}
		if (r.resolved_at) {
			const at = new Date(r.resolved_at);
			const recent = now.getTime() - at.getTime() < 2 * 86_400_000;
			const missed = !recent && rng.chance(0.08);
			const online = !recent && !missed && rng.chance(0.3);
			if (recent) dueToday.push(followRows.length);
			followRows.push({
				follow_up_key: key('satisfaction_call'), kind: 'satisfaction_call', customer: r.customer, service_request: id, status: recent ? 'planned' : missed ? 'missed' : 'done',
				due_at: (recent ? instantOn(localToday, rng) : new Date(at.getTime() + 86_400_000)).toISOString(), due_until: recent ? endOfToday.toISOString() : new Date(at.getTime() + 3 * 86_400_000).toISOString(),
				done_at: recent || missed ? null : new Date(at.getTime() + rng.int(1, 3) * 86_400_000).toISOString(), done_by: recent || missed || online ? null : agent,
				channel: recent || missed ? null : online ? 'survey' : 'phone', satisfaction: recent || missed ? null : rng.pick([2, 3, 4, 4, 5, 5, 5]),
				notes: recent || missed ? null : online ? '客户在线填写满意度调查表（FUP-6）' : rng.pick(comments),
			});
		}
	});
	// Completed repairs (dealers' among them) get their satisfaction call: the dealer report's score (RPT-1).
	for (const repair of repairFacts) {
		const at = new Date(repair.completed);
		const online = rng.chance(0.35);
		followRows.push({
			follow_up_key: computeFollowUpKey({ collection: 'repair_records', id: repair.id }, 'satisfaction_call'), kind: 'satisfaction_call', customer: repairCustomers.get(repair.id),
			repair_record: repair.id, status: 'done', due_at: new Date(at.getTime() + 86_400_000).toISOString(), due_until: new Date(at.getTime() + 3 * 86_400_000).toISOString(),
			done_at: new Date(at.getTime() + rng.int(1, 3) * 86_400_000).toISOString(), done_by: online ? null : agent, channel: online ? 'survey' : 'phone',
			satisfaction: rng.pick([2, 3, 4, 4, 4, 5, 5, 5, 5]), notes: online ? '客户在线填写满意度调查表（FUP-6）' : rng.pick(comments),
		});
	}
	// Today's list always has calls to make, even when no request was dispatched in the last day.
	for (const row of followRows.filter((f) => f['status'] === 'done' && f['kind'] === 'first_call').slice(0, Math.max(0, 6 - dueToday.length))) {
		Object.assign(row, { status: 'planned', due_at: instantOn(localToday, rng).toISOString(), due_until: endOfToday.toISOString(), done_at: null, done_by: null, channel: null, notes: null });
	}
	const followIds = await createMany('follow_ups', followRows);
	// FUP-6: the survey link of each satisfaction call still to make, signed as the rules sign it.
	const secret = String(ctx.env['SECRET'] ?? '');
	const publicUrl = String(ctx.env['PUBLIC_URL'] ?? '').replace(/\/+$/, '');
	if (secret) {
		const expires = new Date(now.getTime() + 30 * 86_400_000);
		for (const [i, row] of followRows.entries()) {
			if (row['kind'] !== 'satisfaction_call' || row['status'] !== 'planned') continue;
			await knex('follow_ups').where({ id: followIds[i] }).update({ survey_url: `${publicUrl}/after-sales/survey/${computeSurveyToken(followIds[i]!, expires, secret)}` });
		}
	}

	// Demo users read Chinese labels; the seed marks the singleton so a second start is harmless.
	await knex('service_settings').update({ demo_seeded_at: fromInstant(now, knex) });
	// A demo project reads as the Chinese product it is; an existing project's settings are only touched by `seed`.
	await knex('directus_settings').update({ project_name: '售后服务 After-sales', default_language: 'zh-CN', project_color: '#E35169' });
	// The demo staff start on the work queue, as install arranges for staff (issue #12 item 3).
	await provisionStudio(knex);
	return { counts: report, customerIds };
}
