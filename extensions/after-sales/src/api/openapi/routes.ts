// The registry of every /after-sales route: method, path, who may call it, and the very zod
// schemas its handler parses with. The OpenAPI document is generated from this list, and a test
// compares the list with the routes the endpoint actually registers (tests/openapi.test.ts), so a
// route added without an entry here, or an entry whose route is gone, fails CI.
import { z } from 'zod';
import { CardInputSchema, ClaimInputSchema, IdParamSchema, RepairInputSchema, SearchQuerySchema, ShipInputSchema, SignatureInputSchema, uuid } from '../dealer/schemas';
import {
	DealerReportQuerySchema, QualityReportQuerySchema, SlaBoardQuerySchema, SummaryQuerySchema, TrendQuerySchema, WeeklyQuerySchema,
} from '../reports/parse-report-query';
import { CoverageQuerySchema } from '../routes/coverage';
import { AcknowledgeSchema, IdSchema, ScheduleSchema } from '../sla/routes';
import { RatingDecisionSchema, RatingReviewSchema } from '../dealers/rating';
import { ClerkCheckInputSchema } from '../../domain/service-requests';
import { AcceptSchema, ArriveSchema, RequestIdSchema, StatusSchema, TechnicianRepairSchema } from '../technician/routes';
import { InboxQuerySchema } from '../notices/routes';
import { RemindQuery } from '../warranty/routes';
import { PlanRemindQuery } from '../dealer-plans/routes';
import { PartsPlanInputSchema } from '../../domain/dealer-plans';
import { StockReturnInputSchema } from '../../domain/parts-returns';
import { DueQuerySchema, FollowUpIdSchema } from '../follow-ups/routes';
import { EventNoticeInputSchema, FollowUpLogSchema, SurveyAnswerSchema } from '../../domain/follow-ups';
import { CoverageAnswerSchema, SweepResultSchema } from './responses';
import { WorkQueueQuerySchema } from '../work-queue/routes';

export type HttpMethod = 'get' | 'post';

/** Who may call a route: the 403 the handler answers to anyone else. */
export type Audience = 'signed-in' | 'staff' | 'manager' | 'dealer' | 'technician' | 'portal-user' | 'public';

export interface RouteEntry {
	method: HttpMethod;
	/** Express path, relative to /after-sales (`/dealer/claims/:id`). */
	path: string;
	/** When the handler is registered with a RegExp, its source (what `router.stack` holds). */
	expressPattern?: string;
	summary: string;
	/** Rule IDs the route implements (RULES.md). */
	rules: string[];
	tag: string;
	who: Audience;
	query?: z.ZodObject;
	params?: z.ZodObject;
	body?: z.ZodType;
	/** The `data` of a JSON answer, where a schema of it exists; otherwise any JSON object. */
	response?: z.ZodType;
	/** Non-JSON answers (HTML, images, CSV/XLSX downloads). */
	produces?: string[];
	/** The answer is the document itself, not wrapped in `{ data }`. */
	unwrapped?: boolean;
}

const id = z.object({ id: IdParamSchema });
const serial = z.object({ serial: z.string().min(1).describe('出厂编号 / unit serial number') });
const reportFormats = ['application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

export const ROUTES: RouteEntry[] = [
	{ method: 'get', path: '/openapi.json', summary: 'This OpenAPI 3.1 document', rules: ['CONTRACT'], tag: 'meta', who: 'signed-in', unwrapped: true },
	{ method: 'get', path: '/overview', summary: 'Figures of the overview panel', rules: ['RPT-2'], tag: 'reports', who: 'staff' },
	{ method: 'get', path: '/units/:serial/coverage', summary: 'Warranty coverage of a unit at a date, with reasons and the next remedy', rules: ['WTY-3', 'WTY-9'], tag: 'warranty', who: 'signed-in', params: serial, query: CoverageQuerySchema, response: CoverageAnswerSchema },

	{ method: 'get', path: '/reports/dealers', summary: 'Dealer report per period with ranking and suggested rating', rules: ['RPT-1', 'DLR-4'], tag: 'reports', who: 'staff', query: DealerReportQuerySchema, produces: reportFormats },
	{ method: 'get', path: '/reports/summary', summary: 'Monthly or yearly service summary', rules: ['RPT-2'], tag: 'reports', who: 'staff', query: SummaryQuerySchema, produces: reportFormats },
	{ method: 'get', path: '/reports/weekly', summary: 'Weekly call and request report', rules: ['RPT-3'], tag: 'reports', who: 'staff', query: WeeklyQuerySchema, produces: reportFormats },
	{ method: 'get', path: '/reports/quality', summary: 'Monthly quality report with preventive measures', rules: ['RPT-5'], tag: 'reports', who: 'staff', query: QualityReportQuerySchema, produces: reportFormats },
	{ method: 'get', path: '/reports/dealers/trend', summary: 'Monthly series of the dealer scorecard', rules: ['RPT-1'], tag: 'reports', who: 'staff', query: TrendQuerySchema },
	{ method: 'get', path: '/reports/sla-board', summary: 'Open milestones by state and level', rules: ['ESC-1'], tag: 'reports', who: 'staff', query: SlaBoardQuerySchema },
	{ method: 'post', path: '/quality/scan', summary: 'Run the recurring-problem scan now', rules: ['RPT-4'], tag: 'reports', who: 'manager' },

	{ method: 'post', path: '/sla/sweep', summary: 'Run the deadline sweep now; returns counts', rules: ['ESC-2', 'ESC-3', 'ESC-4'], tag: 'sla', who: 'manager', response: SweepResultSchema },
	{ method: 'get', path: '/dealer/tasks', summary: "The caller dealer's open tasks with customer, phone, address, unit and the 2 h scheduling deadline (in the calendar's zone)", rules: ['DLR-2'], tag: 'dealer', who: 'dealer' },
	{ method: 'post', path: '/dealer/tasks/:id/schedule', summary: 'Schedule a dispatched task', rules: ['DLR-2'], tag: 'dealer', who: 'dealer', params: z.object({ id: IdSchema }), body: ScheduleSchema },
	{ method: 'post', path: '/escalations/:id/acknowledge', summary: 'Acknowledge an escalation one was notified of (a dealer task escalated to leadership names the person responsible)', rules: ['ESC-4', 'DLR-2'], tag: 'sla', who: 'signed-in', params: z.object({ id: IdSchema }), body: AcknowledgeSchema },
	{ method: 'post', path: '/dealer-tasks/:id/clerk-check', summary: 'Record the sales clerk’s 4 h check of a dealer task', rules: ['DLR-2'], tag: 'sla', who: 'staff', params: z.object({ id: IdSchema }), body: ClerkCheckInputSchema },
	{ method: 'post', path: '/dealers/:id/rating-review', summary: 'Review a dealer’s rating for a month and store a proposal', rules: ['DLR-4'], tag: 'reports', who: 'manager', params: z.object({ id: IdSchema }), body: RatingReviewSchema },
	{ method: 'post', path: '/dealers/:id/rating-proposal/approve', summary: 'Approve a dealer’s pending rating proposal', rules: ['DLR-4'], tag: 'reports', who: 'manager', params: z.object({ id: IdSchema }), body: RatingDecisionSchema },
	{ method: 'post', path: '/dealers/:id/rating-proposal/dismiss', summary: 'Dismiss a dealer’s pending rating proposal (with a note)', rules: ['DLR-4'], tag: 'reports', who: 'manager', params: z.object({ id: IdSchema }), body: RatingDecisionSchema },

	{ method: 'get', path: '/dealer/me', summary: 'The dealer user, their dealer, its standing (may it file, and if not why) and its balance', rules: ['DLR-1'], tag: 'dealer', who: 'dealer' },
	{ method: 'get', path: '/dealer/units', summary: "Search the dealer's units", rules: ['DLR-1', 'ARC-4'], tag: 'dealer', who: 'dealer', query: SearchQuerySchema },
	{ method: 'get', path: '/dealer/units/:serial/coverage', summary: "Coverage of one of the dealer's units", rules: ['WTY-3'], tag: 'dealer', who: 'dealer', params: serial, query: CoverageQuerySchema, response: CoverageAnswerSchema },
	{ method: 'post', path: '/dealer/units/:serial/card', summary: 'Register a sale and its warranty card (三包回执卡) with the customer; staff confirm it', rules: ['WTY-2'], tag: 'dealer', who: 'dealer', params: serial, body: CardInputSchema },
	{ method: 'get', path: '/dealer/repairs', summary: "The dealer's repair records", rules: ['WTY-5'], tag: 'dealer', who: 'dealer' },
	{ method: 'get', path: '/dealer/repairs/:id', summary: 'One repair record of the dealer', rules: ['WTY-5', 'DLR-1'], tag: 'dealer', who: 'dealer', params: id },
	{ method: 'post', path: '/dealer/repairs', summary: 'Log a warranty repair record (三包修理记录)', rules: ['WTY-5', 'WTY-3', 'REQ-8', 'DLR-1'], tag: 'dealer', who: 'dealer', body: RepairInputSchema },
	{ method: 'post', path: '/dealer/signatures', summary: "Upload the customer's signature (PNG or JPEG, ≤ 256 KB)", rules: ['WTY-5'], tag: 'dealer', who: 'dealer', body: SignatureInputSchema },
	{ method: 'get', path: '/dealer/files/:id', summary: 'A signature file the dealer uploaded', rules: ['DLR-1', 'ARC-4'], tag: 'dealer', who: 'dealer', params: z.object({ id: uuid }), produces: ['image/png', 'image/jpeg'] },
	{ method: 'get', path: '/dealer/claims', summary: "The dealer's warranty claims", rules: ['WTY-7'], tag: 'dealer', who: 'dealer' },
	{ method: 'get', path: '/dealer/claims/:id', summary: 'One claim with its lines and rejection reasons', rules: ['WTY-7'], tag: 'dealer', who: 'dealer', params: id },
	{ method: 'post', path: '/dealer/claims', summary: 'Create a claim for a repair record (optionally submit it)', rules: ['WTY-7', 'REQ-8', 'DLR-1'], tag: 'dealer', who: 'dealer', body: ClaimInputSchema },
	{ method: 'post', path: '/dealer/claims/:id/submit', summary: 'Submit a draft claim', rules: ['WTY-7', 'REQ-8', 'DLR-1'], tag: 'dealer', who: 'dealer', params: id },
	{ method: 'post', path: '/dealer/claims/:id/confirm-writeoff', summary: 'Confirm the write-off notice: settles the claim and posts one ledger credit', rules: ['WTY-7', 'WTY-8'], tag: 'dealer', who: 'dealer', params: id },
	{ method: 'get', path: '/dealer/parts-returns', summary: "The dealer's return batches (old parts and stock)", rules: ['WTY-6', 'DLR-5'], tag: 'dealer', who: 'dealer' },
	{ method: 'post', path: '/dealer/parts-returns/:id/ship', summary: 'Mark a return batch (old parts or stock) shipped', rules: ['WTY-6', 'DLR-5'], tag: 'dealer', who: 'dealer', params: id, body: ShipInputSchema },
	{ method: 'get', path: '/dealer/parts-plan', summary: "The dealer's spare-parts plans, the next sales season and the day its plan is due", rules: ['DLR-3'], tag: 'dealer', who: 'dealer' },
	{ method: 'post', path: '/dealer/parts-plan', summary: 'File (or revise) the warranty / wear parts plan of a season; late filing is recorded as late', rules: ['DLR-3', 'DLR-1'], tag: 'dealer', who: 'dealer', body: PartsPlanInputSchema },
	{ method: 'get', path: '/dealer/stock-returns', summary: "The dealer's stock returns with lines, value, freight payer and amounts", rules: ['DLR-5'], tag: 'dealer', who: 'dealer' },
	{ method: 'post', path: '/dealer/stock-returns', summary: 'File a stock return (quality defect / disassembled / unsaleable); stock two whole seasons old counts as sold', rules: ['DLR-5'], tag: 'dealer', who: 'dealer', body: StockReturnInputSchema },
	{ method: 'get', path: '/dealer/ledger', summary: "The dealer's ledger entries and balance", rules: ['WTY-8'], tag: 'dealer', who: 'dealer' },

	{ method: 'get', path: '/technician/me', summary: 'The technician user and the business calendar time zone the portal shows times in', rules: ['CAL-1'], tag: 'technician', who: 'technician' },
	{ method: 'get', path: '/technician/requests', summary: 'Requests assigned to the technician', rules: ['REQ-3', 'NTF-1'], tag: 'technician', who: 'technician' },
	{ method: 'post', path: '/technician/signatures', summary: "Upload a customer's signature for the technician's own repair", rules: ['WTY-5', 'ARC-4'], tag: 'technician', who: 'technician', body: SignatureInputSchema },
	{ method: 'get', path: '/technician/repairs', summary: "The technician's repair records", rules: ['WTY-5'], tag: 'technician', who: 'technician' },
	{ method: 'post', path: '/technician/repairs', summary: 'Log a repair on an assigned request', rules: ['REQ-5', 'WTY-5'], tag: 'technician', who: 'technician', body: TechnicianRepairSchema },
	{ method: 'post', path: '/technician/requests/:id/accept', summary: 'Accept an assigned job (optionally planning the visit)', rules: ['REQ-3'], tag: 'technician', who: 'technician', params: z.object({ id: RequestIdSchema }), body: AcceptSchema },
	{ method: 'post', path: '/technician/requests/:id/arrive', summary: 'Check in on site', rules: ['REQ-3'], tag: 'technician', who: 'technician', params: z.object({ id: RequestIdSchema }), body: ArriveSchema },
	{ method: 'post', path: '/technician/requests/:id/status', summary: 'On site, waiting for parts or the customer (clocks pause), resolved', rules: ['REQ-3', 'ESC-1'], tag: 'technician', who: 'technician', params: z.object({ id: RequestIdSchema }), body: StatusSchema },
	{ method: 'get', path: '/me/notifications', summary: "The caller's notices (unread count and list)", rules: ['NTF-2'], tag: 'portal', who: 'signed-in', query: InboxQuerySchema },
	{ method: 'post', path: '/me/notifications/:id/read', summary: 'Mark one of the caller\'s notices read', rules: ['NTF-2'], tag: 'portal', who: 'signed-in', params: z.object({ id: RequestIdSchema }) },
	{ method: 'get', path: '/me/work-queue', summary: "The staff member's work queue: own open records by next deadline, warned and breached at their level, escalations to acknowledge, calls due today", rules: ['ESC-3', 'ESC-4', 'FUP-3'], tag: 'sla', who: 'staff', query: WorkQueueQuerySchema },
	{ method: 'post', path: '/dealer-plans/remind', summary: 'Run the parts-plan reminders and overdue notices now (optionally at another instant or for one dealer)', rules: ['DLR-3'], tag: 'warranty', who: 'manager', query: PlanRemindQuery },
	{ method: 'post', path: '/parts-returns/remind', summary: 'Run the old-part reminders and missing-part marking now', rules: ['WTY-6'], tag: 'warranty', who: 'manager', query: RemindQuery },

	{ method: 'get', path: '/follow-ups/due', summary: "The agents' call list: planned follow-ups due on a date (calendar time zone) or overdue", rules: ['FUP-1', 'FUP-2', 'FUP-3'], tag: 'follow-ups', who: 'staff', query: DueQuerySchema },
	{ method: 'post', path: '/follow-ups/:id/log', summary: 'Log a follow-up call: reached (done, with satisfaction 1–5) or unreachable (noted)', rules: ['FUP-3', 'FUP-4'], tag: 'follow-ups', who: 'staff', params: z.object({ id: FollowUpIdSchema }), body: FollowUpLogSchema },
	{ method: 'post', path: '/follow-ups/events', summary: 'Plan an event notice: a call to each customer 14 days before the event, then a letter within 2 days of the call', rules: ['FUP-4'], tag: 'follow-ups', who: 'staff', body: EventNoticeInputSchema },
	{ method: 'get', path: '/survey/:token', summary: "The customer's satisfaction survey page (Chinese, ?lang=en), no account", rules: ['FUP-6'], tag: 'follow-ups', who: 'public', params: z.object({ token: z.string().describe('the signed single-use token of the survey link') }), produces: ['text/html'] },
	{ method: 'post', path: '/survey/:token', summary: 'Record the survey answer once (score 1–5, comment); JSON or a form post', rules: ['FUP-6', 'NTF-1'], tag: 'follow-ups', who: 'public', params: z.object({ token: z.string() }), body: SurveyAnswerSchema, produces: ['application/json', 'text/html'] },

	{ method: 'get', path: '/portal', summary: 'Redirects to /portal/', rules: ['DLR-1'], tag: 'portal', who: 'public', produces: ['text/html'] },
	{ method: 'get', path: '/portal/{file}', expressPattern: String.raw`^\/portal\/(.*)$`, summary: 'The dealer and technician portal (static page)', rules: ['DLR-1'], tag: 'portal', who: 'public', params: z.object({ file: z.string() }), produces: ['text/html', 'text/javascript', 'text/css'] },
];
