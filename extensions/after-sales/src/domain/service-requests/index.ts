export * from './schemas';
export * from './request-transitions';
export * from './decide-request-change';
export * from './compute-request-path';
export * from './decide-clerk-check';
export * from './compute-responsible-escalation';
