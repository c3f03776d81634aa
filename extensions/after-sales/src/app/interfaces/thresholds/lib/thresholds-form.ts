// DLR-4, RPT-4, CMP-5, ESC-4: the settings objects of numbers as labelled forms — each number's
// place in the JSON, its label and bounds — and the edits on a draft that keeps every other key.
import { DEFAULT_SEVERITY_LEVELS } from '../../../../domain/complaints/compute-initial-handling-level';
import { DealerRatingThresholdsSchema, DealerScoreWeightsSchema } from '../../../../domain/dealer-reports/schemas';
import { DEFAULT_DELIVERY_RETRY } from '../../../../domain/notifications/compute-retry-schedule';
import { QualityThresholdsSchema } from '../../../../domain/quality/schemas';
import type { Locale } from '../../../panels/lib/i18n';
import type { SettingKey } from '../../lib/setting-checks';

export type ThresholdKind = 'dealer_rating' | 'quality' | 'severity_levels' | 'delivery_retry';
type Label = Record<Locale, string>;
export type Input = { path: string[]; label: Label; type: 'number' | 'integer' | 'text'; min?: number; max?: number; step?: number; nullable?: boolean; suffix?: string };
export type Group = { title: Label; inputs: Input[] };

const L = (zh: string, en: string): Label => ({ zh, en });
const tier = (t: 'A' | 'B'): Group => ({
	title: L(`${t} 级标准`, `Tier ${t} bar`),
	inputs: [
		{ path: [t, 'schedule_compliance_min'], label: L('任务安排及时率不低于', 'Scheduling on time at least'), type: 'number', min: 0, max: 100, suffix: '%' },
		{ path: [t, 'claim_rejection_max'], label: L('拒赔率不高于', 'Claims rejected at most'), type: 'number', min: 0, max: 100, suffix: '%' },
		{ path: [t, 'parts_on_time_min'], label: L('旧件按时返回率不低于', 'Old parts returned on time at least'), type: 'number', min: 0, max: 100, suffix: '%' },
		{ path: [t, 'repeat_repair_max'], label: L('重复修理率不高于', 'Repeat repairs at most'), type: 'number', min: 0, max: 100, suffix: '%' },
		{ path: [t, 'satisfaction_min'], label: L('平均满意度不低于（1–5）', 'Average satisfaction at least (1–5)'), type: 'number', min: 1, max: 5, step: 0.1 },
		{ path: [t, 'complaints_max'], label: L('投诉数不超过（空＝不计）', 'Complaints at most (empty = not rated)'), type: 'integer', min: 0, nullable: true },
	],
});
const window = (w: 'month' | 'quarter' | 'year', title: Label): Group => ({
	title,
	inputs: [
		{ path: [w, 'min_count'], label: L('同一产品同一故障达到次数', 'Same product and fault, count from'), type: 'integer', min: 1 },
		{ path: [w, 'level'], label: L('预警级别（1–3）', 'Warning level (1–3)'), type: 'integer', min: 1, max: 3 },
	],
});
const weight = (key: string, label: Label): Input => ({ path: ['weights', key], label, type: 'number', min: 0 });

export const THRESHOLD_KINDS: Record<ThresholdKind, { setting: SettingKey; groups: Group[]; defaults: () => Record<string, unknown>; hint: Label }> = {
	dealer_rating: {
		setting: 'dealer_rating_thresholds',
		groups: [tier('A'), tier('B'), {
			title: L('得分权重（只看比例）', 'Score weights (only the ratios count)'),
			inputs: [
				weight('schedule_compliance', L('任务安排及时率', 'Scheduling on time')), weight('claim_rejection', L('拒赔率', 'Claims rejected')),
				weight('parts_on_time', L('旧件按时返回率', 'Old parts on time')), weight('repeat_repair', L('重复修理率', 'Repeat repairs')),
				weight('satisfaction', L('满意度', 'Satisfaction')),
			],
		}],
		defaults: () => ({ ...DealerRatingThresholdsSchema.parse({}), weights: DealerScoreWeightsSchema.parse({}) }),
		hint: L('DLR-4：月度考评达到 A 级标准为 A，达到 B 级标准为 B，否则为 C', 'DLR-4: a dealer clearing the A bar rates A, the B bar B, else C'),
	},
	quality: {
		setting: 'quality_thresholds',
		groups: [
			window('month', L('月度', 'Month')), window('quarter', L('季度', 'Quarter')), window('year', L('年度', 'Year')),
			{
				title: L('预警发给（角色代码）', 'Warnings go to (role key)'),
				inputs: [
					{ path: ['routes', 'design'], label: L('设计/制造原因', 'Design / manufacturing faults'), type: 'text' },
					{ path: ['routes', 'service'], label: L('服务原因', 'Service-caused faults'), type: 'text' },
				],
			},
		],
		defaults: () => QualityThresholdsSchema.parse({}) as unknown as Record<string, unknown>,
		hint: L('RPT-4：同一产品同一故障在周期内达到次数即发出该级别预警', 'RPT-4: the same product and fault this often in a window raises a warning of that level'),
	},
	severity_levels: {
		setting: 'complaint_severity_levels',
		groups: [{
			title: L('起始处理级别（1–3）', 'Starting level (1–3)'),
			inputs: [
				{ path: ['normal'], label: L('一般投诉', 'Normal complaint'), type: 'integer', min: 1, max: 3 },
				{ path: ['serious'], label: L('严重投诉', 'Serious complaint'), type: 'integer', min: 1, max: 3 },
				{ path: ['critical'], label: L('重大投诉', 'Critical complaint'), type: 'integer', min: 1, max: 3 },
			],
		}],
		defaults: () => ({ ...DEFAULT_SEVERITY_LEVELS }),
		hint: L('CMP-5：L1 经办人、L2 部门主管、L3 公司领导；越严重起始级别不能越低', 'CMP-5: L1 handler, L2 manager, L3 leadership; a worse complaint starts no lower'),
	},
	delivery_retry: {
		setting: 'delivery_retry',
		groups: [{
			title: L('发送失败后重试', 'Retry after a failed delivery'),
			inputs: [
				{ path: ['max_attempts'], label: L('最多次数（1–50）', 'At most attempts (1–50)'), type: 'integer', min: 1, max: 50 },
				{ path: ['max_delay_minutes'], label: L('最长间隔（分钟，1–1440）', 'Longest delay (minutes, 1–1440)'), type: 'integer', min: 1, max: 1440 },
			],
		}],
		defaults: () => ({ ...DEFAULT_DELIVERY_RETRY }),
		hint: L('ESC-4、NTF-3：按 1、2、4… 分钟重试，直到最长间隔，最多这些次', 'ESC-4, NTF-3: retried after 1, 2, 4 … minutes up to the longest delay, at most this many attempts'),
	},
};

export const isThresholdKind = (kind: unknown): kind is ThresholdKind => typeof kind === 'string' && kind in THRESHOLD_KINDS;

/** A deep copy of JSON data (also of the form's reactive draft, which structuredClone refuses). */
const cloneJson = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored object over the defaults (what the rules read when a key is missing); other keys kept. */
export function readThresholds(kind: ThresholdKind, value: unknown): Record<string, unknown> {
	const merge = (base: unknown, over: unknown): unknown => {
		if (!isRecord(base) || !isRecord(over)) return over === undefined ? cloneJson(base) : over;
		const out: Record<string, unknown> = { ...cloneJson(base) };
		for (const [key, v] of Object.entries(over)) out[key] = merge(base[key], v);
		return out;
	};
	return merge(THRESHOLD_KINDS[kind].defaults(), isRecord(value) ? value : {}) as Record<string, unknown>;
}

export function getAt(value: Record<string, unknown>, path: readonly string[]): unknown {
	return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
}

/** A copy of `value` with `path` set; what the input holds turns into the JSON type the schema reads. */
export function setAt(value: Record<string, unknown>, path: readonly string[], input: Input, text: string): Record<string, unknown> {
	const out = cloneJson(value);
	let node = out;
	for (const key of path.slice(0, -1)) {
		if (!isRecord(node[key])) node[key] = {};
		node = node[key] as Record<string, unknown>;
	}
	const trimmed = text.trim();
	// An empty number is null (the check then says what is missing); a number is a number, never a string.
	node[path[path.length - 1]!] = input.type === 'text' ? trimmed : trimmed === '' ? null : Number(trimmed);
	return out;
}
