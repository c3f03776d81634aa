export { registerFollowUpHooks } from './register-follow-up-hooks';
export { registerFollowUpRoutes } from './routes';
export { registerSurveyRoutes } from './survey-routes';
export { markMissedFollowUps } from './mark-missed-follow-ups';
export { followUpEventOf, planFollowUps } from './plan-follow-ups';
export { loadFollowUpSettings } from './load-follow-up-settings';
