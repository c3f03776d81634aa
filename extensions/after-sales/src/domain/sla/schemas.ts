import { z } from 'zod';
import { ClockSchema } from '../calendar';

export const SlaCollectionSchema = z.enum(['complaints', 'service_requests', 'repair_records', 'warranty_claims']);
export type SlaCollection = z.infer<typeof SlaCollectionSchema>;

/** ESC-2: L1 handler, L2 service / engineering manager, L3 company leadership. */
export const EscalationLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type EscalationLevel = z.infer<typeof EscalationLevelSchema>;

export const DealerTierSchema = z.enum(['A', 'B', 'C']);
export const FaultScopeSchema = z.enum(['whole_machine', 'main_part', 'wear_part']);
export type FaultScope = z.infer<typeof FaultScopeSchema>;

const FIELD_NAME = /^[a-z_][a-z0-9_]*$/;
const SLUG = /^[a-z][a-z0-9_]*$/;

const nonEmptyList = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'an empty list would match nothing; omit the key to match anything');

/**
 * ESC-1: which records a policy applies to. Strict, because a misspelt key would otherwise be
 * ignored and the policy would silently match every record.
 */
export const SlaConditionSchema = z.strictObject({
	severity: nonEmptyList(z.string().min(1)).optional(),
	category: nonEmptyList(z.string().min(1)).optional(),
	key_account: z.boolean().optional(),
	dealer_tier: nonEmptyList(DealerTierSchema).optional(),
	is_dealer_task: z.boolean().optional(),
	coverage: nonEmptyList(z.string().min(1)).optional(),
	busy_season: z.boolean().optional(),
	fault_scope: nonEmptyList(FaultScopeSchema).optional(),
});
export type SlaCondition = z.infer<typeof SlaConditionSchema>;

/** ESC-1, ESC-3: one deadline on a record: when it starts, how long, on which clock, what ends and pauses it. */
export const SlaMilestoneSchema = z
	.strictObject({
		key: z.string().regex(SLUG, 'expected a slug: lower-case letters, digits and _'),
		label: z.string().trim().min(1),
		label_en: z.string().trim().min(1).optional(),
		start_field: z.string().regex(FIELD_NAME, 'expected a field name').default('received_at'),
		/** A fixed length on the milestone's clock; or, with `end_field`, a share of the record's own window. */
		duration_minutes: z.number().positive().finite().optional(),
		/** WTY-11, WTY-12: a limit in working days of the calendar (the start day not counted; due when work stops on the last one). */
		duration_working_days: z.number().int('expected a whole number of working days').min(1).max(366).optional(),
		/** REQ-6: the record's own window ends at this field (a repair's `promised_at`); the milestone falls at `window_percent` of start → end. */
		end_field: z.string().regex(FIELD_NAME, 'expected a field name').optional(),
		/** REQ-6: share of the window, 1–100; omitted = the 进度检查点 setting (`progress_check_percent`, default 75). */
		window_percent: z.number().gt(0).lte(100).optional(),
		clock: ClockSchema,
		/** ESC-3: false = no early warning (a progress check is itself the reminder). */
		warn: z.boolean().default(true),
		fulfil_states: z.array(z.string().min(1)).default(() => []),
		fulfil_field: z.string().regex(FIELD_NAME, 'expected a field name').optional(),
		pause_states: z.array(z.string().min(1)).default(() => []),
		/** ESC-3: warn at this share of the duration; omitted = the 预警点 setting (`warning_percent`, default 80 %). */
		warn_ratio: z.number().gt(0).lt(1).optional(),
		escalate_to_level: EscalationLevelSchema,
		notify_roles: z.array(z.string().min(1)).default(() => []),
		reassign_to_role: z.string().min(1).optional(),
	})
	.superRefine((milestone, ctx) => {
		const lengths = (['duration_minutes', 'duration_working_days', 'end_field'] as const).filter((key) => milestone[key] !== undefined);
		if (lengths.length !== 1) {
			ctx.addIssue({
				code: 'custom',
				message: 'a milestone needs exactly one of duration_minutes, duration_working_days or end_field (a share of the record’s own window)',
				path: [lengths[1] ?? 'duration_minutes'],
			});
		}
		if (milestone.window_percent !== undefined && milestone.end_field === undefined) {
			ctx.addIssue({ code: 'custom', message: 'window_percent needs end_field: it is a share of start_field → end_field', path: ['window_percent'] });
		}

		if (milestone.fulfil_states.length === 0 && milestone.fulfil_field === undefined) {
			ctx.addIssue({
				code: 'custom',
				message: 'a milestone needs fulfil_states or fulfil_field, or it could never be met',
				path: ['fulfil_states'],
			});
		}

		milestone.pause_states.forEach((state, index) => {
			if (milestone.fulfil_states.includes(state)) {
				ctx.addIssue({
					code: 'custom',
					message: `'${state}' cannot both fulfil and pause the milestone`,
					path: ['pause_states', index],
				});
			}
		});
	});
export type SlaMilestone = z.output<typeof SlaMilestoneSchema>;

/** ESC-1: the policy JSON an admin edits in the Studio (`sla_policies`). */
export const SlaPolicySchema = z
	.object({
		name: z.string().trim().min(1),
		collection: SlaCollectionSchema,
		priority: z.number().int().default(0),
		active: z.boolean().default(true),
		condition: SlaConditionSchema.default(() => ({})),
		milestones: z.array(SlaMilestoneSchema).min(1, 'a policy needs at least one milestone'),
	})
	.superRefine((policy, ctx) => {
		const seen = new Set<string>();

		policy.milestones.forEach((milestone, index) => {
			if (seen.has(milestone.key)) {
				ctx.addIssue({
					code: 'custom',
					message: `milestone key '${milestone.key}' is used twice`,
					path: ['milestones', index, 'key'],
				});
			}

			seen.add(milestone.key);
		});
	});
export type SlaPolicy = z.output<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;
