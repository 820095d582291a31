/**
 * Tells a pacer whether its throttles are its own doing. Throttles caused by our own rate (an
 * operation's token bucket that we overrun) fall as we slow down: at a rate `r` over a limit `L`
 * the throttled share is `1 - L/r`. Throttles caused by others that share the account's limits
 * (Terraform, controllers, the console, another pipeline) or by random faults do not: the share
 * stays where it was whatever we do. A loss-based controller that cuts on every throttle collapses
 * under the second kind, as Reno and CUBIC do on a lossy link; this judge compares the share
 * measured before and after a cut with what each explanation predicts, and says which one fits.
 *
 * Pure: outcomes in, verdicts out; no clock.
 */

/** Outcomes per measurement: enough to tell 10 % from 0 % most of the time, few enough to act fast. */
const BLOCK = 16;
const MIN_SHARE = 2 / BLOCK;

export type ThrottleVerdict =
  /** Nothing to decide yet, or the throttles look like our own overload (keep cutting as usual). */
  | { kind: 'none' }
  /** Slowing down did not lower the share: stop cutting and go back to the rate before the cuts. */
  | { kind: 'background'; share: number; restoreRate: number }
  /** On top of the background share, more throttles than chance explains: our own overload again. */
  | { kind: 'overload' }
  /** The background throttling stopped. */
  | { kind: 'clear' };

interface Block {
  rate: number;
  share: number;
}

export class ThrottleJudge {
  private calls = 0;
  private throttled = 0;
  private rateSum = 0;
  private previous: Block | undefined;
  /** Whether the block before `previous` was throttled too. */
  private drained = false;
  private backgroundShare: number | undefined;
  /** Blocks in a row whose share was above what the background explains. */
  private above = 0;

  /** The share of calls throttled by others, once known. */
  get background(): number | undefined {
    return this.backgroundShare;
  }

  /** Records the outcome of one call started at `rate`; returns a verdict when a block closes. */
  record(rate: number, throttled: boolean): ThrottleVerdict {
    this.calls += 1;
    this.rateSum += rate;
    if (throttled) this.throttled += 1;
    if (this.calls < BLOCK) return { kind: 'none' };
    const block: Block = { rate: this.rateSum / this.calls, share: this.throttled / this.calls };
    this.calls = 0;
    this.throttled = 0;
    this.rateSum = 0;
    const previous = this.previous;
    const drained = this.drained;
    this.drained = previous !== undefined && previous.share >= MIN_SHARE;
    this.previous = block;
    if (this.backgroundShare !== undefined) return this.judgeBackground(block, this.backgroundShare);
    // A bucket that had tokens saved up throttles less than its rate predicts until they are
    // spent: judge only once a throttled block has come before the two compared.
    return drained ? this.judgeCut(previous, block) : { kind: 'none' };
  }

  /** Forget the measurements (after a change of regime, the old blocks describe another world). */
  reset(): void {
    this.previous = undefined;
    this.drained = false;
    this.backgroundShare = undefined;
    this.above = 0;
    this.calls = 0;
    this.throttled = 0;
    this.rateSum = 0;
  }

  private judgeCut(before: Block | undefined, after: Block): ThrottleVerdict {
    // One throttle in a block is not evidence of anything.
    if (!before || before.share < MIN_SHARE || after.share < MIN_SHARE) return { kind: 'none' };
    const slowdown = after.rate / before.rate;
    if (slowdown > 0.95) return { kind: 'none' };
    // If the throttles were ours, the share at the lower rate would be this.
    const ifOwn = Math.max(0, 1 - (1 - before.share) / slowdown);
    // Judge only once the two explanations predict clearly different shares; until then, keep
    // cutting (a cut costs little while the bucket is overrun).
    const separation = before.share - ifOwn;
    if (separation < Math.max(0.05, Math.min(0.2, before.share / 2))) return { kind: 'none' };
    if (after.share < (ifOwn + before.share) / 2) return { kind: 'none' };
    this.backgroundShare = (before.share + after.share) / 2;
    return { kind: 'background', share: this.backgroundShare, restoreRate: before.rate };
  }

  private judgeBackground(block: Block, background: number): ThrottleVerdict {
    // Two blocks in a row above the background: one alone happens by chance every few seconds.
    if (block.share > background + Math.max(0.15, background / 2)) {
      this.above += 1;
      if (this.above < 2) return { kind: 'none' };
      this.reset();
      return { kind: 'overload' };
    }
    this.above = 0;
    const share = background * 0.7 + block.share * 0.3;
    if (share < 0.02) {
      this.reset();
      return { kind: 'clear' };
    }
    this.backgroundShare = share;
    return { kind: 'none' };
  }
}
