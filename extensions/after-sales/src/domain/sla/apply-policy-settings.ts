import type { SlaPolicy } from './schemas';

export interface PolicySettings {
	/** REQ-6: 进度检查点, 1–100 (default 75). */
	progress_check_percent: number;
	/** ESC-3: 预警点, 1–99 (default 80). */
	warning_percent: number;
}

/**
 * REQ-6, ESC-3: settings a policy defers to. A milestone that is a share of the record's own window
 * and names no share of its own falls at the 进度检查点 setting (`progress_check_percent`, 70–80 %,
 * default 75); a milestone that names no warning point warns at the 预警点 setting
 * (`warning_percent`, default 80 %). An admin who changes a setting moves every such deadline.
 */
export function applyPolicySettings<P extends SlaPolicy>(policies: readonly P[], settings: PolicySettings): P[] {
	return policies.map((policy) => ({
		...policy,
		milestones: policy.milestones.map((m) => ({
			...m,
			...(m.end_field !== undefined && m.window_percent === undefined ? { window_percent: settings.progress_check_percent } : {}),
			...(m.warn_ratio === undefined ? { warn_ratio: settings.warning_percent / 100 } : {}),
		})),
	}));
}
