// DLR-3 adapters: parts plans filed from the portal, their reminders and the settings check.
export { loadPlanSettings, type PlanSettings } from './load-plan-settings';
export { registerPlanHooks } from './register-plan-hooks';
export { registerDealerPlanRoutes } from './routes';
export { sendPlanNotices, type PlanNoticeReport } from './send-plan-notices';
