export { computeQualityAlerts, type FaultCount, type QualityAlert } from './compute-quality-alerts';
export { computeWindowKey } from './compute-window-key';
export { computeWindowRange } from './compute-window-range';
export { FAULT_ORIGINS, QUALITY_WINDOWS, QualityThresholdsSchema, QualityWindowSchema, type FaultOrigin, type QualityThresholds, type QualityWindow } from './schemas';
