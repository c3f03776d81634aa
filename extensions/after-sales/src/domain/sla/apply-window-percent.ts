import type { SlaPolicy } from './schemas';

/**
 * REQ-6: a milestone that is a share of the record's own window and names no share of its own
 * falls at the 进度检查点 setting (`service_settings.progress_check_percent`, 70–80 %, default 75),
 * so an admin who changes the setting moves every such check.
 */
export function applyWindowPercent<P extends SlaPolicy>(policies: readonly P[], progressCheckPercent: number): P[] {
	return policies.map((policy) => ({
		...policy,
		milestones: policy.milestones.map((m) => (m.end_field !== undefined && m.window_percent === undefined ? { ...m, window_percent: progressCheckPercent } : m)),
	}));
}
