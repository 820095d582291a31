/**
 * One run's time limit and the watch over its AWS calls, made once by a front end and passed to
 * both the plan (`aws`) and the apply (`deadline`), so the limit covers the whole run and the
 * progress lines can say whether calls are throttled or waiting on an endpoint.
 */
import { describeCalls, CallWatch } from '../aws/call-watch.js';
import { Deadline, DEFAULT_TIMEOUT_MS, type DeadlineClock } from '../aws/deadline.js';

export interface TimeLimit {
  deadline: Deadline;
  watch: CallWatch;
  /** For progress reporters: what the calls are doing, when worth saying. */
  status: () => string | undefined;
}

export function startTimeLimit(timeoutMs: number = DEFAULT_TIMEOUT_MS, clock?: DeadlineClock): TimeLimit {
  const deadline = new Deadline(timeoutMs, clock);
  const watch = new CallWatch(clock ? () => clock.now() : Date.now);
  return { deadline, watch, status: () => describeCalls(watch.snapshot()) };
}
