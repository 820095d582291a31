/** What the parent asks a benchmark child process to do, and what the child answers. */
import type { DesiredState } from '../src/model/desired.js';
import type { Plan } from '../src/model/plan.js';
import type { BaselineObject } from './baseline.js';

/** The SDK retry mode of the child's clients; absent: the product default. */
export type RetryMode = 'adaptive' | 'standard';

export type ChildJob =
  | { kind: 'read'; endpoint: string; desired: DesiredState; plan: boolean; retryMode?: RetryMode }
  | { kind: 'baseline'; endpoint: string; objects: BaselineObject[]; parallelism: number; retryMode?: RetryMode }
  | { kind: 'apply'; endpoint: string; plan: Plan; concurrency?: number; propagationWindowMs?: number; retryMode?: RetryMode };

/** What a job itself answers; the child adds the measurements. */
export type JobAnswer = Omit<ChildResult, 'wallMs' | 'cpuMs' | 'peakRssBytes'>;

export interface ChildResult {
  /** Time of the measured work alone (sessions included; process start and module loading not). */
  wallMs: number;
  /** CPU time of the child during the work (user + system), which bounds how fast it can go. */
  cpuMs: number;
  /** Peak resident set of the child process, in bytes. */
  peakRssBytes: number;
  ok: boolean;
  error?: string;
  /** Job-specific figures, e.g. objects read, changes applied. */
  details: Record<string, number | string>;
}
