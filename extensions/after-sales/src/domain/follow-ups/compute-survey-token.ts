import { createHmac, timingSafeEqual } from 'node:crypto';
import { DomainRuleError } from '../errors';
import { SurveyGoneError } from './follow-up-errors';
import { msg } from '../messages';

const PURPOSE = 'after-sales/survey/v1';
const TOKEN = /^(\d{1,10})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

const sign = (followUpId: number, expiresSec: number, secret: string) =>
	createHmac('sha256', secret).update(`${PURPOSE}:${followUpId}:${expiresSec}`).digest('base64url');

/**
 * FUP-6: a survey link's token, bound to one follow-up and an expiry: `id.expiry.HMAC-SHA256`
 * (keyed with the server secret). It names nothing else, so it leaks nothing but its own id.
 */
export function computeSurveyToken(followUpId: number, expiresAt: Date, secret: string): string {
	if (!secret) throw new DomainRuleError('FUP-6', 'secret', 'FUP-6: survey links need a server secret');
	const expiresSec = Math.floor(expiresAt.getTime() / 1000);
	return `${followUpId}.${expiresSec}.${sign(followUpId, expiresSec, secret)}`;
}

/**
 * FUP-6: the follow-up a token names. A malformed or forged token is a 400 naming `token`; a
 * genuine one past its expiry is a 410. The signature is checked first, so a forged token never
 * learns whether its id exists or has expired.
 */
export function parseSurveyToken(token: string, secret: string, now: Date): { followUpId: number; expiresAt: Date } {
	const match = TOKEN.exec(token);
	if (!match || !secret) throw new DomainRuleError('FUP-6', 'token', msg('survey.invalid'));
	const followUpId = Number(match[1]);
	const expiresSec = Number(match[2]);
	const expected = Buffer.from(sign(followUpId, expiresSec, secret));
	const given = Buffer.from(match[3]!);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new DomainRuleError('FUP-6', 'token', msg('survey.invalid'));
	const expiresAt = new Date(expiresSec * 1000);
	if (now.getTime() > expiresAt.getTime()) throw new SurveyGoneError('FUP-6', 'token', msg('survey.expired'));
	return { followUpId, expiresAt };
}
