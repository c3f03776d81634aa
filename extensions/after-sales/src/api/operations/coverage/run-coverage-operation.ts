// WTY-3, WTY-9: a Flow asks whether a unit is covered at a date. The same path as
// GET /after-sales/units/:serial/coverage (getCoverage parses the query with the endpoint's schema).
import { parseOrThrow } from '../../lib/errors';
import type { PackContext } from '../../lib/context';
import { getCoverage } from '../../routes/coverage';
import { FLOW_CALLER } from '../lib/flow-context';
import { dropBlank } from '../lib/flow-input';
import { CoverageOperationOptionsSchema } from './coverage-options';

export async function runCoverageOperation(ctx: PackContext, rawOptions: unknown) {
	const options = parseOrThrow(CoverageOperationOptionsSchema, dropBlank(rawOptions), 'WTY-3');
	const query = dropBlank({
		at: options.at, fault_category: options.fault_category, fault_scope: options.fault_scope, fault_cause: options.fault_cause,
		serious: options.serious === undefined ? undefined : String(options.serious),
	});
	const answer = await getCoverage(ctx, FLOW_CALLER, options.serial, query);
	return {
		...answer,
		/** Codes alone, for a Flow condition such as `reason_codes _contains card_late`. */
		reason_codes: answer.reasons.map((r) => r.code),
		summary_zh: answer.covered ? '在三包范围内' : `不在三包范围内：${answer.reasons.map((r) => r.message_zh).join('；')}`,
		summary_en: answer.covered ? 'Covered by the warranty' : `Not covered: ${answer.reasons.map((r) => r.message_en).join('; ')}`,
	};
}
