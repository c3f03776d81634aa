import { z } from 'zod';

const MONTH_DAY = /^(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isMonthDay(value: string): boolean {
	const match = MONTH_DAY.exec(value);
	if (!match) return false;
	const month = Number(match[1]);
	const day = Number(match[2]);
	return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1]!;
}

/** WTY-6: old parts go back by fixed yearly deadlines ('MM-DD'), reminders N days before each. */
export const PartsReturnSettingsSchema = z.object({
	deadlines: z
		.array(z.string().refine(isMonthDay, { message: 'must be a month-day MM-DD' }))
		.min(1)
		.default(['06-30', '12-31']),
	reminder_days: z.array(z.number().int().min(0)).default([14, 3]),
});
export type PartsReturnSettings = z.output<typeof PartsReturnSettingsSchema>;
