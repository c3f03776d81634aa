// DLR-3, DLR-5: the sales seasons and parts-plan numbers are checked on save; a bad one is a 400
// naming e.g. sales_seasons.1.from, so the rules never run on seasons they cannot use.
import { PartsPlanSettingsSchema } from '../../domain/dealer-plans';
import { DomainRuleError, formatZodIssues } from '../../domain/errors';
import { toDirectusError } from '../lib/errors';
import type { Register } from '../warranty/register';

const decodeJson = (value: unknown) => {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
};

const CHECKS = [
	{ field: 'sales_seasons', schema: PartsPlanSettingsSchema.shape.seasons.removeDefault(), decode: decodeJson },
	{ field: 'parts_plan_lead_days', schema: PartsPlanSettingsSchema.shape.lead_days.removeDefault(), decode: (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v) },
	{ field: 'parts_plan_reminder_days', schema: PartsPlanSettingsSchema.shape.reminder_days.removeDefault(), decode: (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v) },
] as const;

/** DLR-3: the first unusable plan setting in a settings payload, as a 400 naming the field. */
export function assertPlanSettings(payload: Record<string, unknown>): void {
	for (const check of CHECKS) {
		if (!(check.field in payload) || payload[check.field] === null) continue;
		const parsed = check.schema.safeParse(check.decode(payload[check.field]));
		if (parsed.success) continue;
		const issue = formatZodIssues(parsed.error, 'DLR-3');
		const field = [check.field, ...(issue.field ? [issue.field] : [])].join('.');
		const text = parsed.error.issues[0]?.message ?? 'invalid';
		throw new DomainRuleError('DLR-3', field, `DLR-3: ${field}: ${text}`, issue.text ? { text: issue.text } : {});
	}
}

export function registerPlanHooks(register: Register) {
	for (const event of ['create', 'update']) {
		register.filter(`service_settings.items.${event}`, async (payload: Record<string, unknown>) => {
			try {
				assertPlanSettings(payload);
				return payload;
			} catch (error) {
				throw toDirectusError(error);
			}
		});
	}
}
