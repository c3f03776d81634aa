// DLR-3 adapters: parts plans filed from the portal and their reminders (the settings are checked in api/settings).
export { loadPlanSettings, type PlanSettings } from './load-plan-settings';
export { registerDealerPlanRoutes } from './routes';
export { sendPlanNotices, type PlanNoticeReport } from './send-plan-notices';
