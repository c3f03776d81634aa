import { z } from 'zod';

export const QUALITY_WINDOWS = ['month', 'quarter', 'year'] as const;
export const QualityWindowSchema = z.enum(QUALITY_WINDOWS);
export type QualityWindow = z.output<typeof QualityWindowSchema>;

export const FAULT_ORIGINS = ['design', 'service'] as const;
export type FaultOrigin = (typeof FAULT_ORIGINS)[number];

const windowThreshold = (min_count: number, level: number) =>
	z
		.object({
			min_count: z.number().int().min(1).default(min_count),
			level: z.number().int().min(1).max(3).default(level),
		})
		.prefault({});

/**
 * RPT-4 (层层重点预警): the same product and fault recurring this often in a window raises a warning
 * of that window's level, routed to the owner of the fault's origin.
 */
export const QualityThresholdsSchema = z.object({
	month: windowThreshold(3, 1),
	quarter: windowThreshold(6, 2),
	year: windowThreshold(12, 3),
	routes: z
		.object({
			/** Design / manufacturing faults go to the technical department for analysis. */
			design: z.string().min(1).default('technical_dept'),
			/** Service-caused faults go to the service manager (training). */
			service: z.string().min(1).default('service_manager'),
		})
		.prefault({}),
});
export type QualityThresholds = z.output<typeof QualityThresholdsSchema>;
