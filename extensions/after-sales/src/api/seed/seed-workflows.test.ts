import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { assertComplaintTransition } from '../../domain/complaints';
import { validateImage } from '../lib/validate-image';
import { complaintPath, signaturePng } from './seed-workflows';

describe('the demo seed’s workflow plans', () => {
	test('WTY-5: the demo signature is a PNG the portal’s own check accepts, with ink on it, the same bytes for the same seed', () => {
		const png = signaturePng(2);
		expect(validateImage(png)).toEqual({ ok: true, type: 'image/png', width: 240, height: 80 });
		expect(signaturePng(2).equals(png)).toBe(true);
		expect(signaturePng(3).equals(png)).toBe(false);
		// The image data: rows of 241 bytes (filter + 240 grey pixels), some of them ink.
		const start = png.indexOf('IDAT') + 4;
		const length = png.readUInt32BE(start - 8);
		const pixels = inflateSync(png.subarray(start, start + length));
		expect(pixels.length).toBe(241 * 80);
		expect(pixels.filter((b) => b === 20).length).toBeGreaterThan(200);
	});

	test('CMP-3: every path the seed walks is a chain of moves the workflow allows (manager approves at level 1, leadership rejects at level 3)', () => {
		for (const status of ['received', 'contacting', 'analysing', 'proposed', 'approved', 'agreed', 'implementing', 'tracking', 'closed', 'rejected']) {
			const path = complaintPath(status);
			expect(path[0]).toBe('received');
			expect(path.at(-1)).toBe(status);
			for (let i = 1; i < path.length; i++) {
				const leader = path[i] === 'approved' || path[i] === 'rejected';
				expect(() => assertComplaintTransition({
					from: path[i - 1]!, to: path[i]!, role: leader ? 'service_manager' : 'service_agent', level: 1,
					reason: '经核实为使用不当造成', files: { agreement_file: 'f' },
				} as never)).not.toThrow();
				if (leader) expect(() => assertComplaintTransition({ from: path[i - 1]!, to: path[i]!, role: 'leadership', level: 3, reason: '经核实为使用不当造成', files: { agreement_file: 'f' } } as never)).not.toThrow();
			}
		}
		expect(() => complaintPath('done')).toThrow(/unknown complaint status/);
	});
});
