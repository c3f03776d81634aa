// The demo seed's records are made by the pack's own workflows: each step goes through the very
// function the filter hook runs for /items (complaints: CMP-1..5; claims: WTY-7, WTY-8), with the
// accountability of the user who takes that step, at the moment the demo says it was taken. Only
// the clock is the seed's: hooks read `new Date()`, the seed hands each step its time so the
// archive reads as a desk's recent past (history, approver, stamps and ledger credit all agree).
import { deflateSync } from 'node:zlib';
import type { Knex } from 'knex';
import { applyClaimUpdate, decideNewClaim } from '../claims/apply-claim';
import { resolveCaller } from '../lib/caller';
import type { Accountability } from '../lib/context';
import { fromInstant, toInstant } from '../lib/db-values';
import { computeAcknowledgeResponsible, computeResponsibleMessage } from '../../domain/service-requests';
import { filterComplaintCreate, filterComplaintUpdate } from '../sla/complaint-workflow';
import { ROLE_BY_KEY } from '../install/roles';
import type { RoleKey } from '../install/roles';

type Row = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Service = { createMany: (rows: Row[], opts?: unknown) => Promise<any[]>; updateOne: (key: unknown, row: Row, opts?: unknown) => Promise<unknown> };

/** A signed-in user of a demo role, as Directus hands it to a hook. */
export function accountabilityOf(user: string, role: RoleKey): Accountability {
	const id = ROLE_BY_KEY.get(role)!.id;
	return { user, role: id, roles: [id], admin: false, app: true };
}

/** An administrator of the project (the bootstrap admin when there is one), for steps only leadership may take. */
export async function findAdministrator(knex: Knex): Promise<Accountability> {
	const row = await knex('directus_users as u')
		.join('directus_access as a', 'a.role', 'u.role')
		.join('directus_policies as p', 'p.id', 'a.policy')
		.where('p.admin_access', true)
		.where('u.status', 'active')
		.orderBy('u.email')
		.first('u.id', 'u.role')
		.catch(() => null);
	return { user: row?.id ?? null, role: row?.role ?? null, roles: row?.role ? [row.role] : [], admin: true, app: true };
}

/** CMP-3: the forward path of a complaint to `status` (rejected: after the customer was contacted). */
export const COMPLAINT_FORWARD = ['received', 'contacting', 'analysing', 'proposed', 'approved', 'agreed', 'implementing', 'tracking', 'closed'] as const;

export function complaintPath(status: string): string[] {
	if (status === 'rejected') return ['received', 'contacting', 'rejected'];
	const end = COMPLAINT_FORWARD.indexOf(status as (typeof COMPLAINT_FORWARD)[number]);
	if (end < 0) throw new Error(`seed: unknown complaint status ${status}`);
	return COMPLAINT_FORWARD.slice(0, end + 1);
}

export type ComplaintPlan = {
	row: Row;
	status: string;
	/** One instant per state of the path, the first being the reception. */
	times: Date[];
	handler: Accountability;
	leader: Accountability;
	agreementFile: string;
	rejectionReason: string;
	satisfaction: number | null;
};

/** CMP-1..5: registers the complaint and walks it along its path, each step by its actor at its time. */
export async function driveComplaint(knex: Knex, service: Service, plan: ComplaintPlan, recorder: Accountability): Promise<number> {
	const created = await filterComplaintCreate({ ...plan.row }, knex, recorder, plan.times[0]!);
	const [id] = await service.createMany([created], { emitEvents: false });
	const path = complaintPath(plan.status);
	for (let i = 1; i < path.length; i++) {
		const to = path[i]!;
		const leaderStep = (path[i - 1] === 'proposed' && to === 'approved') || to === 'rejected';
		const step: Row = { status: to };
		if (to === 'agreed') step['agreement_file'] = plan.agreementFile;
		if (to === 'rejected') step['rejection_reason'] = plan.rejectionReason;
		if (to === 'closed' && plan.satisfaction !== null) step['satisfaction'] = plan.satisfaction;
		const written = await filterComplaintUpdate(step, [id], knex, leaderStep ? plan.leader : plan.handler, plan.times[i]!);
		await service.updateOne(id, written, { emitEvents: false });
	}
	return Number(id);
}

export type ClaimPlan = {
	repair: number;
	/** The furthest state the demo takes the claim to. */
	status: 'draft' | 'submitted' | 'audited' | 'inspected' | 'approved' | 'settled' | 'rejected';
	/** One instant per step: created, submitted, audited, inspected, approved, settled (or rejected after submission). */
	times: Date[];
	staff: Accountability;
	/** Approved at less than claimed: the travel is not paid (over_scope). */
	travelCut: boolean;
	rejectionReason: string;
	/** Old parts of the repair, classified by the technical department before the inspection (WTY-6). */
	parts: number[];
};

const CLAIM_FORWARD = ['draft', 'submitted', 'audited', 'inspected', 'approved', 'settled'] as const;

/**
 * WTY-7, WTY-8: files the claim and takes it through audit, inspection, approval and write-off, each
 * step through the hook's use case (the settlement posts its one ledger credit). A submission the
 * data refuses (e.g. a late warranty card) leaves the claim a draft, as it would for the dealer.
 * Returns the state reached, or null when the rules refuse the repair a claim.
 */
export async function driveClaim(knex: Knex, service: Service, partsService: Service, plan: ClaimPlan): Promise<{ id: number; status: string } | null> {
	const caller = await resolveCaller(knex, plan.staff);
	let created: Row;
	try {
		created = await decideNewClaim(knex, caller, { repair_record: plan.repair, status: 'draft' }, plan.times[0]!);
	} catch (error) {
		// The rules refuse this repair a claim (a late warranty card, a dealer on probation …): none is filed.
		if ((error as { rule?: string }).rule) return null;
		throw error;
	}
	const [id] = await service.createMany([created], { emitEvents: false });
	const path: string[] = plan.status === 'rejected' ? ['draft', 'submitted', 'rejected'] : CLAIM_FORWARD.slice(0, CLAIM_FORWARD.indexOf(plan.status) + 1);
	let reached = 'draft';
	for (let i = 1; i < path.length; i++) {
		const to = path[i]!;
		if (to === 'inspected') {
			for (const [n, part] of plan.parts.entries()) await partsService.updateOne(part, { old_part_status: n === 0 ? 'reusable' : 'scrap' }, { emitEvents: false });
		}
		const step: Row = { status: to };
		if (to === 'approved' && plan.travelCut) Object.assign(step, { travel_approved: '0.00', rejection_reasons: ['over_scope'] });
		if (to === 'rejected') step['rejection_reasons'] = [plan.rejectionReason];
		try {
			const written = await applyClaimUpdate(knex, caller, id, step, plan.times[i]!);
			void written;
		} catch (error) {
			if (to === 'submitted' && (error as { rule?: string }).rule) break;
			throw error;
		}
		reached = to;
	}
	return { id: Number(id), status: reached };
}

/** WTY-5: a customer's handwritten signature as a real PNG (a pen stroke on white), deterministic per seed. */
export function signaturePng(seed: number, width = 240, height = 80): Buffer {
	const pixels = Buffer.alloc((width + 1) * height, 255);
	for (let y = 0; y < height; y++) pixels[y * (width + 1)] = 0; // filter byte: none
	const ink = (x: number, y: number) => {
		for (let dy = -1; dy <= 1; dy++) {
			for (let dx = -1; dx <= 1; dx++) {
				const px = Math.round(x) + dx;
				const py = Math.round(y) + dy;
				if (px >= 0 && px < width && py >= 0 && py < height) pixels[py * (width + 1) + 1 + px] = 20;
			}
		}
	};
	const phase = (seed % 17) / 3;
	for (let t = 0; t <= 1; t += 0.0015) {
		const x = 16 + t * (width - 32);
		const y = height / 2 + Math.sin(t * 18 + phase) * 18 * (1 - t * 0.5) + Math.cos(t * 47 + phase) * 6;
		ink(x, y);
	}
	for (let t = 0; t <= 1; t += 0.01) ink(24 + t * (width - 60), height - 14 + t * 4); // the underline
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header[8] = 8; // bit depth
	header[9] = 0; // grayscale
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(pixels)),
		chunk('IEND', Buffer.alloc(0)),
	]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Buffer) {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

/**
 * ESC-4: the desk has read yesterday's escalations. Each one older than `before` is acknowledged by
 * the first staff member it notified, an hour or two after it arrived, as POST
 * /escalations/:id/acknowledge records it; a dealer task escalated to leadership names the person
 * responsible (DLR-2): the dealer's contact person.
 */
export async function acknowledgeEscalations(knex: Knex, before: Date, staff: readonly string[]): Promise<number> {
	const rows: Row[] = await knex('escalations').whereNull('acknowledged_at').orderBy('id').select('*');
	let acknowledged = 0;
	for (const row of rows) {
		const occurred = toInstant(row['occurred_at'], knex);
		if (!occurred || occurred.getTime() >= before.getTime()) continue;
		const notified = (typeof row['notified_users'] === 'string' ? JSON.parse(row['notified_users']) : row['notified_users'] ?? []) as string[];
		const by = notified.find((u) => staff.includes(u));
		if (!by) continue;
		const task = row['collection'] === 'service_requests'
			? await knex('service_requests as r').leftJoin('dealers as d', 'd.id', 'r.dealer').where('r.id', Number(row['item'])).first('r.responsible_person', 'd.contact_person')
			: null;
		const responsible = computeAcknowledgeResponsible(row as { collection: string; milestone: string; kind: string; responsible?: string | null }, task?.responsible_person ?? null, task?.contact_person ?? null);
		const changes: Row = { acknowledged_by: by, acknowledged_at: fromInstant(new Date(occurred.getTime() + (60 + (Number(row['id']) % 90)) * 60_000), knex) };
		if (responsible && !row['responsible']) Object.assign(changes, { responsible, message: computeResponsibleMessage(String(row['message'] ?? ''), responsible) });
		acknowledged += await knex('escalations').where({ id: row['id'] }).whereNull('acknowledged_at').update(changes);
		if (responsible && task && !task.responsible_person) await knex('service_requests').where({ id: Number(row['item']) }).whereNull('responsible_person').update({ responsible_person: responsible });
	}
	return acknowledged;
}
