import { DomainRuleError } from '../errors';
import type { HandlingLevel } from './schemas';

const LEVELS: Record<string, HandlingLevel> = { normal: 1, serious: 2, critical: 3 };

/** CMP-5: a serious complaint starts with the manager (L2), a critical one with company leadership (L3). */
export function computeInitialHandlingLevel(severity: string): HandlingLevel {
	const level = LEVELS[severity];
	if (level === undefined) throw new DomainRuleError('CMP-5', 'severity', `CMP-5: unknown severity '${severity}'`);
	return level;
}
