import { describe, expect, test } from 'vitest';
import { describeFailure } from './describe-failure';

const zh: Record<string, string> = { INVALID_CREDENTIALS: '邮箱或密码不正确', network_error: '无法连接服务器，请检查网络后重试', server_error: '服务器出错，请稍后再试' };
const t = (key: string) => zh[key] ?? key;

describe('INT-5: the portal shows failures in its language', () => {
	test.each([
		['a wrong password', { status: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid user credentials.' }, '邮箱或密码不正确'],
		['a pack refusal (already in the portal language)', { status: 400, code: 'INVALID_PAYLOAD', message: '索赔单不能从“草稿”直接改为“已核销”（WTY-7）' }, '索赔单不能从“草稿”直接改为“已核销”（WTY-7）'],
		['a server error', { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'An unexpected error occurred.' }, '服务器出错，请稍后再试'],
		['a network failure', new TypeError('Failed to fetch'), '无法连接服务器，请检查网络后重试'],
		['the portal\'s own sentence', new Error('此账号不是经销商或技术员账号'), '此账号不是经销商或技术员账号'],
	])('INT-5: when the portal meets %s, then it shows its own text', (_label, error, expected) => {
		expect(describeFailure(error, t)).toBe(expected);
	});
});
