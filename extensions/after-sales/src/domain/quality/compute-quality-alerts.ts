import { computeWindowKey } from './compute-window-key';
import type { FaultOrigin, QualityThresholds, QualityWindow } from './schemas';

type Id = string | number;

export interface FaultCount {
	product: Id;
	fault_category: string;
	window: QualityWindow;
	count: number;
	/** Whether the fault is the product's (design/manufacturing) or the service's; unknown counts as design. */
	origin?: FaultOrigin | null;
}

export interface QualityAlert {
	product: Id;
	fault_category: string;
	window: QualityWindow;
	count: number;
	threshold: number;
	level: number;
	origin: FaultOrigin;
	route: string;
	window_key: string | null;
	/** Unique per product, fault and window key; null when no date was given. */
	idempotency_key: string | null;
}

/**
 * RPT-4: warnings for faults of one product recurring in a month, quarter or year beyond the
 * thresholds, at increasing levels. Each window is judged on its own, so a fault that is both a
 * monthly and a yearly problem raises both warnings. An unknown origin goes to the technical
 * department: a suspected design fault is the costlier one to miss.
 */
export function computeQualityAlerts(counts: readonly FaultCount[], thresholds: QualityThresholds, on?: string): QualityAlert[] {
	const alerts: QualityAlert[] = [];
	for (const row of counts) {
		const threshold = thresholds[row.window];
		if (row.count < threshold.min_count) continue;
		const origin: FaultOrigin = row.origin ?? 'design';
		const window_key = on ? computeWindowKey(row.window, on) : null;
		alerts.push({
			product: row.product,
			fault_category: row.fault_category,
			window: row.window,
			count: row.count,
			threshold: threshold.min_count,
			level: threshold.level,
			origin,
			route: thresholds.routes[origin],
			window_key,
			idempotency_key: window_key ? `quality:${row.product}:${row.fault_category}:${window_key}` : null,
		});
	}
	return alerts.sort((a, b) => b.level - a.level);
}
