// WTY-2: the warranty registration card (三包回执卡) through the product.
//   POST /after-sales/dealer/units/:serial/card   the dealer registers a sale and its card with the
//                                                  customer's data (a unit not on file is created)
//   units.items.update { card_review }             staff confirm it (the registration day becomes the
//                                                  card date) or return it with a note
// Load → decide (domain/warranty/decide-card-registration) → write in one transaction; the sales
// clerks are told of a card to confirm, the dealer's users of the outcome.
import type { Knex } from 'knex';
import { z } from 'zod';
import { catalogNotice, type NotificationChannels } from '../../domain/notifications';
import { decideCardRegistration, decideCardReview } from '../../domain/warranty';
import { computeLocalDate } from '../../domain/warranty/compute-local-date';
import { msg } from '../../domain/messages';
import { CardInputSchema } from '../dealer/schemas';
import { assertDealerStanding } from '../dealers';
import { attachCustomer, refreshCustomerOverview } from '../hooks/archive';
import type { Caller } from '../lib/caller';
import type { Accountability, PackContext } from '../lib/context';
import { fromInstant, toDay, toJson } from '../lib/db-values';
import { conflict, parseOrThrow } from '../lib/errors';
import { forbiddenOrMissing } from '../lib/assert-owned-by';
import { insertManyOnce } from '../lib/insert-once';
import { activeUsersOf, noticeRows } from '../notices/notice-row';
import { channelsOf, loadSettings } from '../services/settings';
import { loadUnitFacts, refreshUnitWarranty, warrantyColumnsOf } from '../services/unit-coverage';

const SerialSchema = z.string().trim().min(1).max(64);


/** `dealer` is the caller's dealer (dealerOf). */
export async function registerCard(ctx: PackContext, caller: Caller, dealer: number, serialParam: unknown, body: unknown, now: Date) {
	const serial = parseOrThrow(SerialSchema, serialParam, 'WTY-2');
	const input = parseOrThrow(CardInputSchema, body ?? {}, 'WTY-2');
	await assertDealerStanding(ctx.database, dealer, now, 'register warranty cards');
	const settings = await loadSettings(ctx.database);
	const today = computeLocalDate(now, settings.calendar.timezone);

	const unitId = await ctx.database.transaction(async (trx) => {
		const unit = await trx('units').where({ serial_no: serial }).first('id', 'dealer', 'sold_on', 'card_received_on', 'card_review');
		const product = input.product_model ? await trx('products').where({ model: input.product_model }).first('id') : null;
		const plan = decideCardRegistration({
			unit: unit ? { dealer: unit.dealer === null ? null : Number(unit.dealer), sold_on: toDay(unit.sold_on)!, card_received_on: toDay(unit.card_received_on), card_review: unit.card_review ?? null } : null,
			dealer, sold_on: input.sold_on, product: product ? Number(product.id) : null, today,
		});
		if (plan.kind === 'not_own') throw forbiddenOrMissing('unit', 'WTY-2');
		if (plan.kind === 'on_file') throw conflict('WTY-2', 'serial', msg('card.already_on_file', { on: plan.card_received_on ?? '' }), { collection: 'units' });
		const submission = { ...input, submitted_by: caller.user, submitted_at: now.toISOString() };
		const card = { card_review: 'pending', card_review_note: null, card_submitted_on: today, card_submission: JSON.stringify(submission), card_reviewed_by: null, card_reviewed_at: null };
		if (plan.kind === 'create') {
			const [created] = await trx('units').insert({
				serial_no: serial, product: plan.product, dealer, sold_on: plan.sold_on, invoice_no: input.invoice_no ?? null, ...card,
				downtime_days: 0, date_created: fromInstant(now, trx), user_created: caller.user,
			}).returning('id');
			return Number(typeof created === 'object' ? (created as { id: number }).id : created);
		}
		await trx('units').where({ id: unit.id }).update({ ...card, ...(input.invoice_no ? { invoice_no: input.invoice_no } : {}) });
		return Number(unit.id);
	});
	await refreshUnitWarranty(ctx.database, [unitId], now, settings);

	// The sales clerks confirm it; once per registration (a second registration of a returned card tells again).
	const dealerRow = await ctx.database('dealers').where({ id: dealer }).first('code', 'name');
	const clerks = await activeUsersOf(ctx.database, 'service_agent');
	const people = clerks.length ? clerks : await activeUsersOf(ctx.database, 'service_manager');
	const params = { serial, dealer: `${dealerRow?.code ?? dealer} ${dealerRow?.name ?? ''}`.trim(), sold_on: input.sold_on ?? '', on: today, customer: `${input.customer.name} ${input.customer.phone}` };
	const channels = channelsOf(settings.raw, ctx) as NotificationChannels;
	const text = catalogNotice('card.registered_subject', 'card.registered_message', params);
	await insertManyOnce(ctx.database, 'directus_notifications', await noticeRows(ctx.database, people.map((person) => ({
		key: `units:${unitId}:card:${now.getTime()}:${person}`, recipient: person, kind: 'dealer_task' as const, collection: 'units', item: unitId, text,
	})), channels, now), 'notice_key');
	return unitOfDealer(ctx.database, unitId);
}

/** The unit as the portal shows it, with the state of its card. */
export async function unitOfDealer(knex: Knex, id: number) {
	const r = await knex('units as u').leftJoin('products as p', 'p.id', 'u.product').leftJoin('customers as c', 'c.id', 'u.customer').where('u.id', id)
		.first('u.id', 'u.serial_no', 'u.sold_on', 'u.invoice_no', 'u.card_received_on', 'u.card_review', 'u.card_review_note', 'u.card_submitted_on', 'u.warranty_status', 'u.warranty_until', 'u.main_parts_until', 'p.model', 'p.name as product_name', 'c.name as customer_name');
	return { ...r, sold_on: toDay(r.sold_on), card_received_on: toDay(r.card_received_on), card_submitted_on: toDay(r.card_submitted_on), warranty_until: toDay(r.warranty_until), main_parts_until: toDay(r.main_parts_until) };
}

type Payload = Record<string, unknown>;

/**
 * WTY-2: staff review of a card registered in the portal, inside the items update (Studio, REST,
 * GraphQL alike): confirming files the customer from the registered data, links it, and takes the
 * registration day as the card date; returning needs a note. Who and when are stamped.
 */
export async function decideCardReviewPayload(knex: Knex, payload: Payload, keys: (string | number)[], accountability: Accountability | null, now: Date): Promise<Payload> {
	if (!('card_review' in payload)) return payload;
	const rows = await knex('units').whereIn('id', keys).select('id', 'customer', 'dealer', 'card_review', 'card_review_note', 'card_submitted_on', 'card_submission');
	if (rows.length !== 1) {
		if (payload['card_review'] === null && rows.every((r) => r.card_review === null)) return payload;
		throw conflict('WTY-2', 'card_review', msg('card.nothing_to_review'), { collection: 'units' });
	}
	const row = rows[0]!;
	if (payload['card_review'] === row.card_review && payload['card_review'] !== 'pending') return payload;
	const note = (('card_review_note' in payload ? payload['card_review_note'] : row.card_review_note) as string | null) ?? null;
	const decided = decideCardReview({ review: (payload['card_review'] as string | null) ?? null, current: { card_review: row.card_review ?? null, card_submitted_on: toDay(row.card_submitted_on) }, note });
	const out: Payload = { ...payload, card_reviewed_by: accountability?.user ?? null, card_reviewed_at: fromInstant(now, knex) };
	if (payload['card_review'] === 'confirmed') {
		out['card_received_on'] = decided.card_received_on;
		// WTY-1/2: the answer already shows the warranty the confirmed card gives (not only after commit).
		const facts = await loadUnitFacts(knex, { id: Number(row.id) });
		if (facts) Object.assign(out, warrantyColumnsOf({ ...facts, unit: { ...facts.unit, card_received_on: decided.card_received_on } }, now, await loadSettings(knex)));
		const submission = (toJson(row.card_submission) ?? {}) as { customer?: { name: string; phone: string; region?: string; address?: string; email?: string } };
		if (row.customer === null && submission.customer) {
			const attached = await attachCustomer({ caller_name: submission.customer.name, caller_phone: submission.customer.phone }, knex, accountability);
			const customer = attached['customer'] as number | undefined;
			if (customer !== undefined) {
				out['customer'] = customer;
				// A new archive takes what the dealer registered; an existing one keeps what it has.
				const existing = await knex('customers').where({ id: customer }).first('region', 'address', 'email', 'dealer');
				const fill: Payload = {};
				if (!existing?.region && submission.customer.region) fill['region'] = submission.customer.region;
				if (!existing?.address && submission.customer.address) fill['address'] = submission.customer.address;
				if (!existing?.email && submission.customer.email) fill['email'] = submission.customer.email;
				if (!existing?.dealer && row.dealer) fill['dealer'] = row.dealer;
				if (Object.keys(fill).length) await knex('customers').where({ id: customer }).update(fill);
			}
		}
	}
	return out;
}

/** WTY-2: after a review, the dealer's users hear the outcome and the customer's overview counts the unit. */
export async function tellCardReviewed(ctx: PackContext, keys: (string | number)[], now: Date) {
	const settings = await loadSettings(ctx.database);
	const channels = channelsOf(settings.raw, ctx) as NotificationChannels;
	for (const key of keys) {
		const unit = await ctx.database('units').where({ id: key }).first('id', 'serial_no', 'dealer', 'customer', 'card_review', 'card_review_note', 'card_received_on', 'card_reviewed_at');
		if (!unit?.dealer || !['confirmed', 'rejected'].includes(unit.card_review)) continue;
		if (unit.customer) await refreshCustomerOverview(ctx.database, [Number(unit.customer)]);
		const people: { id: string }[] = await ctx.database('directus_users').where({ dealer: unit.dealer, status: 'active' }).select('id');
		const confirmed = unit.card_review === 'confirmed';
		const params = { serial: unit.serial_no, on: toDay(unit.card_received_on) ?? '', note: unit.card_review_note ?? '' };
		const stamp = String(unit.card_reviewed_at instanceof Date ? unit.card_reviewed_at.getTime() : unit.card_reviewed_at);
		const text = confirmed ? catalogNotice('card.confirmed_subject', 'card.confirmed_message', params) : catalogNotice('card.returned_subject', 'card.returned_message', params);
		await insertManyOnce(ctx.database, 'directus_notifications', await noticeRows(ctx.database, people.map((p) => ({
			key: `units:${unit.id}:card-review:${unit.card_review}:${stamp}:${p.id}`, recipient: String(p.id), kind: 'dealer_task' as const, collection: 'units', item: unit.id, text,
		})), channels, now), 'notice_key');
	}
}
