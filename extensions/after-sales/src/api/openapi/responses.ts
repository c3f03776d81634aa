// Schemas of the answers the OpenAPI document describes in detail. They are tied to the code that
// produces the answers twice over: the type checker proves each schema's output is the domain type
// (the `Same` checks below), and tests/openapi.test.ts parses real answers with them.
import { z } from 'zod';
import { COVERAGE_REASON_CODES, RemedySchema, type CoverageAnswer } from '../../domain/warranty';
import { FAULT_CAUSES } from '../../domain/warranty';
import type { SweepReport } from '../sla/run-sweep';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** WTY-3, WTY-9: the `data` of GET /units/:serial/coverage. */
export const CoverageAnswerSchema = z.strictObject({
	serial_no: z.string(),
	product: z.strictObject({ model: z.string(), name: z.string(), category: z.string().nullable() }),
	sold_on: day,
	at: z.iso.datetime(),
	covered: z.boolean(),
	coverage: z.enum(['warranty', 'paid', 'dealer_expense']),
	reasons: z.array(z.strictObject({
		code: z.enum(COVERAGE_REASON_CODES), rule: z.string(), message_zh: z.string(), message_en: z.string(), cause: z.enum(FAULT_CAUSES).optional(),
	})),
	warranty_status: z.enum(['card_pending', 'active', 'card_late', 'expired']),
	whole_machine_until: day,
	main_parts_until: day,
	card: z.strictObject({ deadline: day, received_on: day.nullable(), late_by_days: z.number().int().nullable() }),
	dealer_bears_cost: z.boolean(),
	next_remedy: RemedySchema,
	remedy_basis: z.string(),
	remedy_basis_zh: z.string(),
	profile: z.string(),
});

/** ESC-2..4: the `data` of POST /sla/sweep. */
export const SweepResultSchema = z.strictObject({
	due_timers: z.number().int(), records: z.number().int(), reconciled: z.number().int(), warnings: z.number().int(), breaches: z.number().int(),
	already_logged: z.number().int(), reassigned: z.number().int(), failed_records: z.number().int(),
	skipped_locked: z.number().int(), follow_ups_missed: z.number().int(), key_account_visits_planned: z.number().int(), customer_messages_sent: z.number().int(), customer_messages_failed: z.number().int(), monthly_reports_sent: z.number().int(), parts_plan_notices: z.number().int(), deliveries_sent: z.number().int(), deliveries_failed: z.number().int(), deliver_ms: z.number(), duration_ms: z.number(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
type CoverageFields = Omit<z.output<typeof CoverageAnswerSchema>, 'serial_no' | 'product' | 'sold_on' | 'at'>;
export const coverageMatchesDomain: Same<CoverageFields, CoverageAnswer> = true;
export const sweepMatchesDomain: Same<z.output<typeof SweepResultSchema>, SweepReport> = true;
