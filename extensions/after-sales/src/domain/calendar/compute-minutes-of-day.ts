/** CAL-1: working hours are written as 'HH:MM'; '24:00' closes a day that works until midnight. */
export function computeMinutesOfDay(time: string): number {
	const [hours, minutes] = time.split(':').map(Number);
	return (hours ?? 0) * 60 + (minutes ?? 0);
}
