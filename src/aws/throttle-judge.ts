/**
 * Tells a pacer whether its throttles are its own doing, and how far to slow down when they are.
 * Throttles caused by our own rate (an operation's token bucket that we overrun) fall as we slow
 * down: at a rate `r` over a limit `L` the throttled share is `1 - L/r`. Throttles caused by others
 * that share the account's limits (Terraform, controllers, the console, another pipeline) or by
 * random faults do not: the share stays where it was whatever we do. A loss-based controller that
 * cuts on every throttle collapses under the second kind, as Reno and CUBIC do on a lossy link.
 *
 * So the judge works on windows of outcomes, not on single throttles. A window whose throttled
 * share is clearly above the background share (none until one is found) is overload: the judge
 * asks for one cut, sized from the share (the rate the limit would let through, as a rate-model
 * controller such as BBR sizes its rate from what gets delivered), at most one per window. When
 * slowing down by a good margin did not lower the share, the throttles are background: the judge
 * remembers their share, judges later windows against it (cutting gently, and only for a clear
 * excess), and gives back the rate from before the cuts. The background share is the one seen at
 * the rates the cuts reached, and it is re-learned only at rates below the latest overload, where
 * our own overload cannot raise it: otherwise it would climb with the rate, unchecked.
 *
 * Pure: outcomes in, verdicts out; no clock.
 */

/** Outcomes per window: enough to tell 50 % from 25 % most of the time, few enough to act fast. */
const WINDOW = 16;
/** With no background known, this many throttles in a window are overload. */
const MIN_THROTTLES = 2;
/** Standard deviations above the background share before a window counts as overload. */
const Z = 2;
/** The deepest cut one window may ask for (share of the rate kept). */
const DEEPEST_CUT = 0.6;
/** With a background known, a window is noisier evidence: cuts are gentler. */
const DEEPEST_CUT_OVER_BACKGROUND = 0.75;
/**
 * Growth per calm window over a known background, below and above the rate of the latest
 * overload. Slow growth per answer is for a limit found by its throttles; under background
 * throttles a cut may have come from chance, and the rate should not take seconds to come back.
 */
const FAST_GROWTH = 1.05;
const SLOW_GROWTH = 1.01;
/** Windows pooled to judge a small excess over a known background. */
const POOLED_WINDOWS = 3;
/** Windows over which the floor remembers what the limit let through. */
const FLOOR_WINDOWS = 24;
/** Overload windows kept for the judgment (the oldest are dropped). */
const MAX_OVERLOADS = 12;
/** The largest background share the judge accepts. */
const MAX_BACKGROUND = 0.6;
/** Below this share the background is taken to have stopped. */
const CLEAR_SHARE = 0.03;
/** At most this share of a window throttled (2 of 16, the fewest that count) is a few throttles, not a measure of overload. */
const FEW_THROTTLES = 2 / 16;

export type ThrottleVerdict =
  /** Nothing to change. */
  | { kind: 'none' }
  /** Our own overload: slow down to `rate`. */
  | { kind: 'cut'; rate: number }
  /** Slowing down did not lower the share: go back to `restoreRate` and judge against `share`. */
  | { kind: 'background'; share: number; restoreRate: number }
  /** A window within the background share: room to look for more, `growth` times the rate. */
  | { kind: 'calm'; growth: number }
  /** The background throttling stopped. */
  | { kind: 'clear' };

interface Window {
  rate: number;
  share: number;
  calls: number;
}

export interface ThrottleJudgeOptions {
  /** Share of the rate kept at most by a cut (default 0.9): the mildest cut. */
  mildestCut?: number;
}

export class ThrottleJudge {
  private calls = 0;
  private throttled = 0;
  private rateSum = 0;
  /**
   * Throttled windows in a row (one calm window does not end the run, it only keeps the next
   * window from being a reference). A bucket that had tokens saved up throttles less than the
   * rate predicts until they are spent: a window after one throttled window is compared with
   * earlier ones, and only one after two serves as the reference that later ones are compared with.
   */
  private throttledWindows = 0;
  private backgroundShare: number | undefined;
  /** The overload windows of the current run of cuts that came after a throttled one. */
  private overloads: Array<Window & { reference: boolean }> = [];
  /** The rate of the first overload window of the current run of cuts, drained or not. */
  private rateBeforeCuts: number | undefined;
  private calmWindows = 0;
  /** The rate of the latest overload over a known background (none yet: no bound). */
  private overloadRate = Number.POSITIVE_INFINITY;
  /** The highest rate at which a rise of the share cannot be our own doing. */
  private safeRate = 0;
  /** The latest windows since the last cut, for judging a small excess over the background. */
  private recent: Window[] = [];
  /** Calls let through a second by the latest drained windows. */
  private readonly passed: number[] = [];
  private readonly mildestCut: number;

  constructor(options: ThrottleJudgeOptions = {}) {
    this.mildestCut = options.mildestCut ?? 0.9;
  }

  /** The share of calls throttled by others, once known. */
  get background(): number | undefined {
    return this.backgroundShare;
  }

  /** Records the outcome of one call started at `rate`; returns a verdict when a window closes. */
  record(rate: number, throttled: boolean): ThrottleVerdict {
    this.calls += 1;
    this.rateSum += rate;
    if (throttled) this.throttled += 1;
    if (this.calls < WINDOW) return { kind: 'none' };
    const window: Window = { rate: this.rateSum / this.calls, share: this.throttled / this.calls, calls: this.calls };
    const drained = this.throttledWindows;
    this.throttledWindows = this.throttled >= MIN_THROTTLES ? this.throttledWindows + 1 : Math.min(this.throttledWindows, 1);
    this.calls = 0;
    this.throttled = 0;
    this.rateSum = 0;
    return this.judge(window, drained);
  }

  /** `drained`: throttled windows right before this one. */
  private judge(latest: Window, drained: number): ThrottleVerdict {
    const background = this.backgroundShare ?? 0;
    this.recent.push(latest);
    if (this.recent.length > POOLED_WINDOWS) this.recent.shift();
    const window = this.overloadIn(background);
    if (!window) return this.judgeCalm(latest);
    this.recent = [];
    this.calmWindows = 0;
    if (this.backgroundShare !== undefined) {
      this.overloadRate = window.rate;
      this.safeRate = 0.8 * window.rate;
    }
    this.rateBeforeCuts ??= window.rate;
    const references = this.overloads.filter((w) => w.reference);
    const reference = references[references.length - 1];
    if (drained >= 1) {
      for (const before of [references[0], reference]) {
        if (before && slowingDidNotHelp(before, window, this.backgroundShare)) {
          const restoreRate = this.rateBeforeCuts;
          // The share seen at the rates the cuts showed to be no better: this window and the
          // others well below the reference, pooled.
          // At most MAX_BACKGROUND: a larger share is as likely our own overload misjudged (a
          // bucket we overran, measured noisily), and judging against it would let us hammer it.
          this.backgroundShare = Math.min(MAX_BACKGROUND, poolOf([...this.overloads.filter((w) => w.rate <= before.rate * 0.8), window]).share);
          this.overloadRate = Number.POSITIVE_INFINITY;
          this.safeRate = 0.8 * before.rate;
          this.overloads = [];
          this.rateBeforeCuts = undefined;
          return { kind: 'background', share: this.backgroundShare, restoreRate };
        }
      }
      this.overloads.push({ ...window, reference: drained >= 2 });
      if (this.overloads.length > MAX_OVERLOADS) this.overloads.splice(1, 1);
    }
    // Already at or below what the latest reference says the limit lets through: a further cut
    // would answer throttles that own overload does not predict there. Hold, and let the next
    // windows tell whether they are background.
    if (this.backgroundShare === undefined && reference && window.rate <= reference.rate * (1 - reference.share)) return { kind: 'none' };
    // The rate the limit lets through at this share, less a margin for the noise of one window.
    // A few throttles in a window (a burst that met the bucket's edge) say little about how far
    // over the limit we are: the mildest cut, as one throttle per round used to get. Short runs
    // (an apply's writes, a few dozen calls per operation) would otherwise lose a third of their rate.
    if (this.backgroundShare === undefined && window.share <= FEW_THROTTLES) return { kind: 'cut', rate: Math.max(window.rate * this.mildestCut, this.floor(window, drained)) };
    const model = (window.rate * (1 - window.share)) / (1 - background);
    const deepest = this.backgroundShare === undefined ? DEEPEST_CUT : DEEPEST_CUT_OVER_BACKGROUND;
    const rate = Math.min(window.rate * this.mildestCut, Math.max(window.rate * deepest, model * this.mildestCut));
    // Until a window fit to compare with has been seen, one deepest cut in all: deeper could not
    // be judged any sooner, and windows at a low rate take long to fill.
    const unjudged = this.backgroundShare === undefined && !this.overloads.some((w) => w.reference) ? this.rateBeforeCuts * DEEPEST_CUT : 0;
    return { kind: 'cut', rate: Math.max(rate, unjudged, this.floor(window, drained)) };
  }

  /**
   * Half the most calls let through a second in the last windows (counted only once the bucket
   * was drained): our own overload never needs a rate below what the limit let through, so
   * cutting further only happens when throttles do not fall as we slow down, which the judgment
   * needs a few windows to see. At low rates those windows take seconds; the floor keeps them short.
   */
  private floor(window: Window, drained: number): number {
    if (drained >= 2) {
      this.passed.push(window.rate * (1 - window.share));
      if (this.passed.length > FLOOR_WINDOWS) this.passed.shift();
    }
    return this.passed.length === 0 ? 0 : 0.5 * Math.max(...this.passed);
  }

  /**
   * The latest window, or the latest few pooled, when clearly above the background: more
   * throttles than chance explains. Over a known background one window is weak evidence (at half
   * the calls throttled, 16 outcomes vary by ±12 %), so a small excess is judged on a few windows.
   */
  private overloadIn(background: number): Window | undefined {
    const latest = this.recent[this.recent.length - 1]!;
    if (this.backgroundShare === undefined) return latest.share * latest.calls >= MIN_THROTTLES ? latest : undefined;
    for (const [count, z] of [[1, 2.5], [POOLED_WINDOWS, 2]] as const) {
      if (this.recent.length < count) continue;
      const pooled = poolOf(this.recent.slice(-count));
      const noise = Math.sqrt((background * (1 - background)) / pooled.calls);
      if (pooled.share > background + Math.max(1 / pooled.calls, z * noise)) return pooled;
    }
    return undefined;
  }

  /**
   * No overload. Two such windows in a row end a run of cuts (one alone comes by chance under
   * heavy background throttling, and the run's memory of the rate before the cuts is worth
   * keeping); a known background share follows what the windows now see.
   */
  private judgeCalm(window: Window): ThrottleVerdict {
    this.calmWindows += 1;
    if (this.calmWindows >= 2) {
      this.overloads = [];
      this.rateBeforeCuts = undefined;
    }
    if (this.backgroundShare === undefined) return { kind: 'none' };
    // Followed both ways only at rates known to be safe (well below the latest overload, or as low
    // as those the background share was judged at), where our own overload cannot be the cause.
    // Above them a share that rises may be our own doing (following it up would let the rate climb
    // past the limit unchecked), and one that falls by chance must not pull the share down (a
    // share followed only down ends below the truth): only a clearly lower share is followed.
    const b = this.backgroundShare;
    const clearlyLower = window.share < b - Z * Math.sqrt((b * (1 - b)) / window.calls);
    if (window.rate <= this.safeRate || clearlyLower) this.backgroundShare = Math.min(MAX_BACKGROUND, b * 0.8 + window.share * 0.2);
    if (this.backgroundShare < CLEAR_SHARE) {
      this.backgroundShare = undefined;
      return { kind: 'clear' };
    }
    // Quick growth back to where the last overload was, then slow: over a large background a
    // small overload of our own takes several windows to show.
    return { kind: 'calm', growth: window.rate < 0.9 * this.overloadRate ? FAST_GROWTH : SLOW_GROWTH };
  }
}

/** Several windows as one. */
function poolOf(windows: readonly Window[]): Window {
  const calls = windows.reduce((n, w) => n + w.calls, 0);
  const rate = windows.reduce((n, w) => n + w.rate * w.calls, 0) / calls;
  const share = windows.reduce((n, w) => n + w.share * w.calls, 0) / calls;
  return { rate, share, calls };
}

/**
 * After slowing from `before` to `after`, own overload predicts a share of
 * `1 - (1 - s) / slowdown` (never below the background), the background the same share as
 * before. Judge only after a deep enough slowdown, when the two predictions are far apart, and side
 * with the nearer one; or when a small share did not fall at all (a large one may be our own
 * overload measured low by chance).
 */
function slowingDidNotHelp(before: Window, after: Window, background: number | undefined): boolean {
  const slowdown = after.rate / before.rate;
  if (slowdown > 0.8) return false;
  if (background !== undefined) {
    // A background known already: a larger one must show as a share that did not fall at all
    // (otherwise the noise of a few windows would let it ratchet up, and the rate with it).
    if (after.share < before.share - 0.05) return false;
  }
  background ??= 0;
  if (after.share >= Math.max(before.share, background + 0.15) && before.share < 0.5) return true;
  const ifOwn = Math.max(background, 1 - (1 - before.share) / slowdown);
  const separation = before.share - ifOwn;
  if (separation < 0.2) return false;
  return after.share > (ifOwn + before.share) / 2;
}
