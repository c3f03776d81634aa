// RPT-4: the daily recurring-problem scan; it runs at the `job_schedules` time (api/schedules).
export { runQualityScan, type ScanResult } from './scan';
