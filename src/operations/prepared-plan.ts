import { closeClusterSessions, type ClusterSession } from '../aws/session.js';
import type { LoadedManifest } from '../manifest/index.js';
import type { DesiredState } from '../model/desired.js';
import type { LiveState } from '../model/live.js';
import type { Plan } from '../model/plan.js';
import type { PlanGuards } from './requests.js';

// Node defines Symbol.asyncDispose as the registered symbol below from 20.4 on; earlier Node 20
// releases and sandboxed contexts (vm, test runners) lack it, and `await using` looks it up.
(Symbol as { asyncDispose?: symbol }).asyncDispose ??= Symbol.for('nodejs.asyncDispose');

/**
 * A computed plan with the AWS sessions it was read through, ready for `apply`. It owns the
 * sessions: `await using prepared = await plan(…)` (or `withPlan`, or `close()`) releases them.
 */
export class PreparedPlan implements AsyncDisposable {
  private closed = false;

  constructor(
    readonly plan: Plan,
    /** The sessions apply writes through; released by close(). */
    readonly sessions: readonly ClusterSession[],
    /** The guards the plan was computed with; apply enforces the same unless told otherwise. */
    readonly guards: Pick<PlanGuards, 'maxDeletes' | 'allowLockout'>,
    readonly loaded?: LoadedManifest,
    readonly desired?: DesiredState,
    readonly live?: LiveState,
  ) {}

  /** Releases the sessions' sockets; safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeClusterSessions(this.sessions);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    this.close();
  }
}
