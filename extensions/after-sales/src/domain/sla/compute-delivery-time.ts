import { nextWorkingInstant, type Calendar, type Clock } from '../calendar';

/**
 * ESC-2, CAL-2: quiet hours. A business-time milestone cannot be acted on at night, so its notice
 * waits for the next working instant; a 24×7 milestone (phone response) is sent at once.
 */
export function computeDeliveryTime(now: Date, calendar: Calendar, clock: Clock): Date {
	return clock === '24x7' ? new Date(now.getTime()) : nextWorkingInstant(now, calendar);
}
