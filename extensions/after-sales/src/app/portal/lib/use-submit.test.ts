import { describe, expect, test } from 'vitest';
import { useSubmit } from './use-submit';

const describeFailure = (e: unknown) => `failed: ${(e as Error).message}`;

describe('INT-5: the portal forms share one load/save block', () => {
	test('INT-5: when the call succeeds, then saved holds its answer, error is cleared and busy is off', async () => {
		const s = useSubmit<{ id: number }>(describeFailure);
		s.error.value = 'earlier failure';
		let busyDuring = false;
		expect(await s.run(async () => {
			busyDuring = s.busy.value;
			return { id: 7 };
		})).toBe(true);
		expect(busyDuring).toBe(true);
		expect(s.saved.value).toEqual({ id: 7 });
		expect(s.error.value).toBeNull();
		expect(s.busy.value).toBe(false);
	});

	test('INT-5: when the call fails, then error is the failure in the portal language, saved is cleared and busy is off', async () => {
		const s = useSubmit<number>(describeFailure);
		s.saved.value = 1;
		expect(await s.run(async () => {
			throw new Error('WTY-7');
		})).toBe(false);
		expect(s.error.value).toBe('failed: WTY-7');
		expect(s.saved.value).toBeNull();
		expect(s.busy.value).toBe(false);
	});

	test('INT-5: when a reload keeps what was saved, then the previous answer stays until the new one arrives', async () => {
		const s = useSubmit<number>(describeFailure);
		s.saved.value = 1;
		let during: number | null = null;
		await s.run(async () => {
			during = s.saved.value;
			return 2;
		}, { keepSaved: true });
		expect(during).toBe(1);
		expect(s.saved.value).toBe(2);
	});
});
