export { computeWorkQueue, type QueueInput, type QueueItem, type WorkQueue } from './compute-work-queue';
