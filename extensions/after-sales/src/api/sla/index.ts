export { registerSlaHooks } from './register-sla-hooks';
export { registerSlaRoutes } from './routes';
export { runSweep, type SweepReport } from './run-sweep';
export { syncOpenRecords } from './sync-timers';
