import { describe, expect, test } from 'vitest';
import { computeCustomerMatch, CustomerMatchInputSchema, normalizeCustomerName, normalizePhone, type CustomerCandidate } from './index';

describe('normalizePhone', () => {
	test.each([
		['138 0013 8000', '13800138000'],
		['138-0013-8000', '13800138000'],
		['+86 138 0013 8000', '13800138000'],
		['+86-13800138000', '13800138000'],
		['0086 13800138000', '13800138000'],
		['8613800138000', '13800138000'],
		['(010) 6552-1234', '01065521234'],
		['010-65521234', '01065521234'],
		['+86 10 6552 1234', '01065521234'],
		['+86 (0)10 6552 1234', '01065521234'],
		['0531.8888.6666', '053188886666'],
		['１３８００１３８０００', '13800138000'],
		['', ''],
		[null, ''],
		[undefined, ''],
		['   ', ''],
	])('ARC-2: when the phone is written %j, then it normalises to %j', (phone, expected) => {
		expect(normalizePhone(phone)).toBe(expected);
	});
});

describe('normalizeCustomerName', () => {
	test.each([
		['  山东  某某农机 合作社 ', '山东 某某农机 合作社'],
		['ＡＢＣ农场', 'abc农场'],
		['张伟（个人）', '张伟(个人)'],
		[null, ''],
	])('ARC-2: when the name is %j, then it normalises to %j', (name, expected) => {
		expect(normalizeCustomerName(name)).toBe(expected);
	});
});

describe('computeCustomerMatch', () => {
	const candidates: CustomerCandidate[] = [
		{ id: 1, name: '山东某某农机合作社', phone: '0531-8888 6666' },
		{ id: 2, name: '张伟', phone: '13800138000' },
		{ id: 3, name: '张伟', phone: '13900139000' },
		{ id: 4, name: '李娜', phone: null },
		{ id: 5, name: '王芳', phone: '+86 137 0000 0000' },
		{ id: 6, name: '王芳的父亲', phone: '13700000000' },
	];

	test.each<[string, { name: string | null; phone: string | null }, number | null]>([
		['a known phone in another spelling', { name: '张先生', phone: '+86 138-0013-8000' }, 2],
		['a known phone and no name', { name: null, phone: '13900139000' }, 3],
		['a shared phone, name matching the second archive', { name: '王芳的父亲', phone: '13700000000' }, 6],
		['a shared phone, no name match', { name: '王先生', phone: '13700000000' }, 5],
		['an unknown phone and a unique name', { name: ' 李娜 ', phone: '13600000000' }, 4],
		['an unknown phone and an ambiguous name', { name: '张伟', phone: '13600000000' }, null],
		['no phone and a unique company name in full-width spacing', { name: '山东某某农机合作社', phone: null }, 1],
		['nothing known', { name: '赵六', phone: '13500000000' }, null],
		['nothing at all', { name: null, phone: null }, null],
		['a blank phone does not match a blank archive phone', { name: '无名', phone: '' }, null],
	])('ARC-2: when the caller gives %s, then the archive is %j', (_label, input, expected) => {
		expect(computeCustomerMatch(input, candidates)).toBe(expected);
	});

	test('ARC-2: when there are no archives, then nothing matches', () => {
		expect(computeCustomerMatch({ name: '张伟', phone: '13800138000' }, [])).toBeNull();
	});
});

describe('CustomerMatchInputSchema', () => {
	test.each([
		[{ name: '张伟' }, true],
		[{ phone: '13800138000' }, true],
		[{ name: ' ', phone: '' }, false],
		[{}, false],
	])('ARC-2: when the input is %j, then acceptance is %s', (input, ok) => {
		expect(CustomerMatchInputSchema.safeParse(input).success).toBe(ok);
	});
});
