// RPT-1: the dealer report's export columns (Chinese and English headers).
import type { DealerReportRow } from '../../domain/dealer-reports';
import type { Column, Table } from './export-table';

const reasons = (row: DealerReportRow) =>
	Object.entries(row.rejection_reasons).sort(([a], [b]) => (a < b ? -1 : 1)).map(([reason, n]) => `${reason}:${n}`).join('; ') || null;

export const DEALER_COLUMNS: Column<DealerReportRow>[] = [
	{ key: 'rank', zh: '排名', en: 'Rank', value: (r) => r.rank },
	{ key: 'code', zh: '经销商代码', en: 'Dealer code', value: (r) => r.code },
	{ key: 'name', zh: '经销商名称', en: 'Dealer', value: (r) => r.name },
	{ key: 'region', zh: '区域', en: 'Region', value: (r) => r.region },
	{ key: 'rating', zh: '建议评级', en: 'Suggested rating', value: (r) => r.rating },
	{ key: 'score', zh: '综合得分', en: 'Score', value: (r) => r.score },
	{ key: 'tasks', zh: '服务任务', en: 'Tasks', value: (r) => r.tasks },
	{ key: 'tasks_on_schedule', zh: '按时安排', en: 'Scheduled in time', value: (r) => r.tasks_on_schedule },
	{ key: 'schedule_compliance', zh: '安排及时率%', en: 'Schedule compliance %', value: (r) => r.schedule_compliance },
	{ key: 'repairs', zh: '维修次数', en: 'Repairs', value: (r) => r.repairs },
	{ key: 'repeat_repairs', zh: '重复修理', en: 'Repeat repairs', value: (r) => r.repeat_repairs },
	{ key: 'repeat_repair_rate', zh: '重复修理率%', en: 'Repeat-repair rate %', value: (r) => r.repeat_repair_rate },
	{ key: 'dealer_expense_repairs', zh: '经销商承担维修', en: 'Repairs at dealer’s expense', value: (r) => r.dealer_expense_repairs },
	{ key: 'dealer_expense_amount', zh: '经销商承担金额', en: 'Dealer’s expense amount', value: (r) => r.dealer_expense_amount, money: true },
	{ key: 'claims_submitted', zh: '提交索赔', en: 'Claims submitted', value: (r) => r.claims_submitted },
	{ key: 'claims_approved', zh: '核准索赔', en: 'Claims approved', value: (r) => r.claims_approved },
	{ key: 'claims_rejected', zh: '拒赔索赔', en: 'Claims rejected', value: (r) => r.claims_rejected },
	{ key: 'claim_rejection_rate', zh: '拒赔率%', en: 'Rejection rate %', value: (r) => r.claim_rejection_rate },
	{ key: 'rejection_reasons', zh: '拒赔原因', en: 'Rejection reasons', value: reasons },
	{ key: 'claimed_amount', zh: '申请金额', en: 'Amount claimed', value: (r) => r.claimed_amount, money: true },
	{ key: 'approved_amount', zh: '核准金额', en: 'Amount approved', value: (r) => r.approved_amount, money: true },
	{ key: 'parts_batches_due', zh: '应返旧件批次', en: 'Old-part batches due', value: (r) => r.parts_batches_due },
	{ key: 'parts_batches_on_time', zh: '按时返回批次', en: 'Returned on time', value: (r) => r.parts_batches_on_time },
	{ key: 'parts_on_time_rate', zh: '旧件按时率%', en: 'Parts on time %', value: (r) => r.parts_on_time_rate },
	{ key: 'satisfaction_responses', zh: '满意度回访数', en: 'Satisfaction responses', value: (r) => r.satisfaction_responses },
	{ key: 'satisfaction_avg', zh: '平均满意度', en: 'Average satisfaction', value: (r) => r.satisfaction_avg },
	{ key: 'complaints', zh: '投诉', en: 'Complaints', value: (r) => r.complaints },
	{ key: 'escalations', zh: '超时升级', en: 'Escalations', value: (r) => r.escalations },
	{ key: 'ledger_credits', zh: '三包核销金额', en: 'Ledger credits', value: (r) => r.ledger_credits, money: true },
	{ key: 'rating_reasons', zh: '评级理由', en: 'Rating reasons', value: (r) => r.rating_reasons.join('\n') || null },
];

export const dealerTable = (rows: readonly DealerReportRow[]): Table<DealerReportRow> => ({ sheet: '经销商报表 Dealers', columns: DEALER_COLUMNS, rows });
