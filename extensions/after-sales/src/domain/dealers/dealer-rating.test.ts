import { describe, expect, test } from 'vitest';
import { DomainRuleError } from '../errors';
import { computeManualRatingEntry, decideRatingDecision, decideRatingProposal, RatingForbiddenError, type DealerRatingFacts, type RatingProposal } from '.';

const NOW = new Date('2026-10-01T01:00:00Z');
const dealer = (o: Partial<DealerRatingFacts> = {}): DealerRatingFacts => ({ id: 3, code: 'D003', tier: 'A', status: 'active', rating_proposal: null, rating_history: [], ...o });
const review = (rating: 'A' | 'B' | 'C', o: Partial<{ score: number | null; period: string }> = {}) => ({ rating, score: 61.5, reasons: ['任务安排及时率 50.0% 低于 A 级标准 95%'], period: '2026-09', ...o });
const MANAGER = { user: 'mgr', manager: true };

function refusal(fn: () => unknown): DomainRuleError {
	try {
		fn();
	} catch (error) {
		return error as DomainRuleError;
	}
	throw new Error('expected a refusal');
}

describe('rating proposals (DLR-4)', () => {
	test.each([
		['an A dealer graded B', { tier: 'A', status: 'active' }, 'B', { kind: 'demotion', proposed_tier: 'B', proposed_status: 'active' }],
		['a B dealer graded C', { tier: 'B', status: 'active' }, 'C', { kind: 'demotion', proposed_tier: 'C', proposed_status: 'probation' }],
		['a B dealer on probation graded C', { tier: 'B', status: 'probation' }, 'C', { kind: 'demotion', proposed_tier: 'C', proposed_status: 'suspended' }],
		['a C dealer on probation graded C', { tier: 'C', status: 'probation' }, 'C', { kind: 'demotion', proposed_tier: 'C', proposed_status: 'suspended' }],
		['a C dealer graded A', { tier: 'C', status: 'active' }, 'A', { kind: 'promotion', proposed_tier: 'A', proposed_status: 'active' }],
		['a B dealer on probation graded B', { tier: 'B', status: 'probation' }, 'B', { kind: 'reinstatement', proposed_tier: 'B', proposed_status: 'active' }],
	] as const)('DLR-4: when %s, then a proposal is made', (_label, facts, grade, expected) => {
		const proposal = decideRatingProposal(dealer(facts), review(grade), NOW);
		expect(proposal).toMatchObject({ ...expected, from_tier: facts.tier, from_status: facts.status, grade, score: 61.5, period: '2026-09', proposed_at: NOW.toISOString() });
		expect(proposal!.reasons).toHaveLength(1);
	});

	test.each([
		['an A dealer graded A', dealer(), review('A')],
		['a C dealer graded C', dealer({ tier: 'C' }), review('C')],
		['a dealer without data (no score)', dealer(), review('C', { score: null })],
		['a suspended dealer', dealer({ status: 'suspended' }), review('C')],
		['a terminated dealer', dealer({ status: 'terminated' }), review('C')],
		['a dealer with a proposal for the same month', dealer({ rating_proposal: { ...decideRatingProposal(dealer(), review('B'), NOW)! } }), review('C')],
		['a dealer whose proposal for the month was dismissed', dealer({ rating_history: [{ period: '2026-09', decision: 'dismiss' }] }), review('C')],
	])('DLR-4: when %s, then nothing is proposed', (_label, facts, r) => {
		expect(decideRatingProposal(facts, r, NOW)).toBeNull();
	});

	test('DLR-4: when last month\'s proposal is still pending, then the new month replaces it', () => {
		const old = decideRatingProposal(dealer(), review('B', { period: '2026-08' }), NOW)!;
		expect(decideRatingProposal(dealer({ rating_proposal: old }), review('C'), NOW)).toMatchObject({ period: '2026-09', proposed_tier: 'C' });
	});
});

describe('rating decisions (DLR-4)', () => {
	const pending = (o: Partial<DealerRatingFacts> = {}) => {
		const base = dealer({ tier: 'B', ...o });
		return { ...base, rating_proposal: decideRatingProposal(base, review('C'), NOW) as RatingProposal };
	};

	test('DLR-4: when a manager approves, then tier and status change, the proposal is cleared and the history says who, from → to and the score', () => {
		const columns = decideRatingDecision(pending(), 'approve', null, MANAGER, NOW);
		expect(columns).toMatchObject({ tier: 'C', status: 'probation', rating_proposal: null, rating_decision: null, rating_decision_note: null });
		expect(columns['rating_history']).toEqual([expect.objectContaining({ by: 'mgr', from: 'B · active', to: 'C · probation', decision: 'approve', score: 61.5, grade: 'C', period: '2026-09' })]);
	});

	test('DLR-4: when a manager dismisses with a note, then nothing changes but the log and the proposal is cleared', () => {
		const columns = decideRatingDecision(pending(), 'dismiss', ' 数据有误，下月复核 ', MANAGER, NOW);
		expect(columns).not.toHaveProperty('tier');
		expect(columns['rating_proposal']).toBeNull();
		expect(columns['rating_history']).toEqual([expect.objectContaining({ decision: 'dismiss', from: 'B · active', to: 'B · active', note: '数据有误，下月复核' })]);
	});

	test.each([
		['dismissing without a note', pending(), 'dismiss', null, 'rating_decision_note'],
		['deciding with no pending proposal', dealer(), 'approve', null, 'rating_decision'],
		['an unknown decision', pending(), 'postpone', null, 'rating_decision'],
	])('DLR-4: when %s, then it is refused naming the field', (_label, facts, decision, note, field) => {
		expect(refusal(() => decideRatingDecision(facts, decision, note, MANAGER, NOW))).toMatchObject({ rule: 'DLR-4', field });
	});

	test('DLR-4: when someone who is not a service manager or admin decides, then it is a 403', () => {
		const error = refusal(() => decideRatingDecision(pending(), 'approve', null, { user: 'agent', manager: false }, NOW));
		expect(error).toBeInstanceOf(RatingForbiddenError);
		expect((error as RatingForbiddenError).status).toBe(403);
	});

	test('DLR-4: when a manager demotes by hand (fraud), then the history logs it with the note; an unchanged save logs nothing', () => {
		expect(computeManualRatingEntry(dealer(), { status: 'suspended', note: '虚报索赔' }, 'mgr', NOW)).toMatchObject({ decision: 'manual', from: 'A · active', to: 'A · suspended', note: '虚报索赔', by: 'mgr' });
		expect(computeManualRatingEntry(dealer(), { tier: 'A' }, 'mgr', NOW)).toBeNull();
	});
});
