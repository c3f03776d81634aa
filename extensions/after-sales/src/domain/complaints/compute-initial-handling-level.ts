import { DomainRuleError } from '../errors';
import type { HandlingLevel, SeverityLevels } from './schemas';

/** CMP-5's defaults: a serious complaint starts with the manager (L2), a critical one with leadership (L3). */
export const DEFAULT_SEVERITY_LEVELS: SeverityLevels = { normal: 1, serious: 2, critical: 3 };

/** CMP-5: the level a complaint of this severity starts at (`complaint_severity_levels` in the settings). */
export function computeInitialHandlingLevel(severity: string, levels: SeverityLevels = DEFAULT_SEVERITY_LEVELS): HandlingLevel {
	const level = (levels as Record<string, HandlingLevel | undefined>)[severity];
	if (level === undefined) throw new DomainRuleError('CMP-5', 'severity', `CMP-5: unknown severity '${severity}'`);
	return level;
}
