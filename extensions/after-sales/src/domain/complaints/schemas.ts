import { z } from 'zod';

/** CMP-3: the complaint workflow, in order; `rejected` is the side exit. */
export const COMPLAINT_STATUSES = [
	'received',
	'contacting',
	'analysing',
	'proposed',
	'approved',
	'agreed',
	'implementing',
	'tracking',
	'closed',
	'rejected',
] as const;
export const ComplaintStatusSchema = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof ComplaintStatusSchema>;

/** CMP-2: product quality, service attitude, delivery/logistics, billing, other. */
export const COMPLAINT_CATEGORIES = ['quality', 'attitude', 'delivery', 'billing', 'other'] as const;
export const ComplaintCategorySchema = z.enum(COMPLAINT_CATEGORIES);
export type ComplaintCategory = z.infer<typeof ComplaintCategorySchema>;

/** CMP-5: severity decides the starting handler level. */
export const COMPLAINT_SEVERITIES = ['normal', 'serious', 'critical'] as const;
export const ComplaintSeveritySchema = z.enum(COMPLAINT_SEVERITIES);
export type ComplaintSeverity = z.infer<typeof ComplaintSeveritySchema>;

/** Role keys provisioned on install (CONTRACT: Roles). */
export const ROLE_KEYS = [
	'admin',
	'service_agent',
	'service_manager',
	'leadership',
	'technician',
	'technical_dept',
	'finance',
	'sales_rep',
	'dealer',
] as const;
export type RoleKey = (typeof ROLE_KEYS)[number];

export type HandlingLevel = 1 | 2 | 3;

const level = z.union([z.literal(1), z.literal(2), z.literal(3)], { message: 'must be a level 1, 2 or 3' });
/** CMP-5: the starting level of each severity, as admins set it; a graver severity never starts lower. */
export const SeverityLevelsSchema = z.strictObject({ normal: level, serious: level, critical: level })
	.refine((l) => l.normal <= l.serious, { path: ['serious'], message: 'a serious complaint starts no lower than a normal one' })
	.refine((l) => l.serious <= l.critical, { path: ['critical'], message: 'a critical complaint starts no lower than a serious one' });
export type SeverityLevels = z.output<typeof SeverityLevelsSchema>;

const UserIdSchema = z.union([z.string().trim().min(1), z.number().int().positive()]);

const InstantSchema = z
	.union([z.string(), z.date()])
	.refine((value) => !Number.isNaN(new Date(value).getTime()), 'not a valid timestamp');

/**
 * CMP-1, CMP-2, CMP-5: what a new complaint must carry. Loose, because the register holds many
 * more fields (customer, unit, batch …) that are not rules.
 */
export const ComplaintCreateSchema = z.looseObject({
	recorder: z.union([z.string().trim().min(1), z.number().int().positive()], {
		error: 'every complaint names the staff member who recorded it (记录人)',
	}),
	category: ComplaintCategorySchema,
	severity: ComplaintSeveritySchema.default('normal'),
	status: z.literal('received', { error: 'a new complaint starts as received' }).optional(),
	received_at: InstantSchema.optional(),
	subject_staff: UserIdSchema.nullish(),
	handler: UserIdSchema.nullish(),
});
export type ComplaintCreate = z.output<typeof ComplaintCreateSchema>;
