// REQ-3: the countdown on a technician's job card, from the minutes the API says are left.
export type CountdownTone = 'ok' | 'soon' | 'late';

export function formatCountdown(minutesLeft: number, lang: 'zh' | 'en'): { text: string; tone: CountdownTone } {
	const late = minutesLeft < 0;
	const total = Math.abs(Math.round(minutesLeft));
	const days = Math.floor(total / 1440);
	const hours = Math.floor((total % 1440) / 60);
	const minutes = total % 60;
	const zh = [days ? `${days}天` : '', hours ? `${hours}小时` : '', days ? '' : `${minutes}分`].join('');
	const en = [days ? `${days}d` : '', hours ? `${hours}h` : '', days ? '' : `${minutes}m`].filter(Boolean).join(' ');
	const tone: CountdownTone = late ? 'late' : minutesLeft <= 60 ? 'soon' : 'ok';
	if (lang === 'zh') return { text: late ? `已超时 ${zh}` : `剩余 ${zh}`, tone };
	return { text: late ? `${en} overdue` : `${en} left`, tone };
}
