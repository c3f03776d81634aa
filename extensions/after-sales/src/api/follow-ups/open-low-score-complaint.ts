// FUP-6, CMP-1: where the settings say so (`low_score_opens: complaint`), a low survey score opens
// a complaint in the register instead of a follow-up task: written through Directus's items service
// after the answer commits, so the complaint's own rules run (CMP-1 recorder, CMP-3 workflow,
// ESC-1 timers). The recorder is the first active service manager (first-contact responsibility
// for what came in without a person); the survey answer is recorded once, so is the complaint.
import type { SurveyAnswer } from '../../domain/follow-ups';
import { activeUsersOf } from '../notices/notice-row';
import { systemItems, type PackContext } from '../lib/context';

export async function openLowScoreComplaint(ctx: PackContext, followUpId: number, answer: SurveyAnswer, now: Date): Promise<number | null> {
	const knex = ctx.database;
	const f = await knex('follow_ups as f').leftJoin('repair_records as r', 'r.id', 'f.repair_record').leftJoin('service_requests as s', 's.id', 'f.service_request')
		.where('f.id', followUpId).first('f.customer', 'f.service_request', 'f.repair_record', 'r.unit as repair_unit', 's.unit as request_unit');
	const [manager] = await activeUsersOf(knex, 'service_manager');
	if (!f || !manager) {
		ctx.logger.warn(`[after-sales] FUP-6: follow-up #${followUpId} scored ${answer.score}, but no active service manager can record the complaint; the managers were told`);
		return null;
	}
	const about = f.repair_record ? `维修单 #${f.repair_record}` : f.service_request ? `报修单 #${f.service_request}` : `回访 #${followUpId}`;
	const complaints = await systemItems(ctx, 'complaints');
	const id = await complaints.createOne({
		received_at: now.toISOString(), channel: 'portal', recorder: manager, customer: f.customer, unit: f.repair_unit ?? f.request_unit ?? null,
		category: 'other', severity: 'normal',
		description: `满意度调查低分：${answer.score} 分（${about}，回访 #${followUpId}）。客户意见：${answer.comment?.trim() || '（未填写）'}`,
		customer_request: '客户对本次服务不满意，请服务主管回访',
	});
	return Number(id);
}
