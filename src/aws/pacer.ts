/**
 * Finds an operation's rate limit instead of guessing it. AWS throttles each API operation on its
 * own token bucket, and the limit differs by operation, account and region; a fixed pool either
 * leaves capacity unused or runs into throttling, which the SDK's adaptive retry answers by slowing
 * the whole client (every operation) for seconds. A pacer spaces the calls of one operation at a
 * rate it adjusts from what the answers say: it speeds up while it is the bottleneck and calls
 * succeed at once, and slows down when a window of answers holds more throttles than chance
 * explains, at most once per window, to the rate the limit let through.
 *
 * Not every throttle is ours to fix. Other callers share an account's limits, and their
 * throttles do not stop when we slow down; cutting on each of them would take the rate to the
 * floor and a plan to tens of minutes. So the outcomes go to a `ThrottleJudge`, which decides the
 * cuts and compares the throttled share before and after them: when slowing down did not lower
 * it, the pacer goes back to the rate it had before the cuts and cuts again only for throttles
 * above that background share (it still retries every throttled call, after a fully jittered
 * backoff).
 *
 * A throttled call inside a pacer comes straight back to it (see `PacedRetryStrategy`): the pacer
 * gives the call a new slot.
 */
import { isThrottle } from './errors.js';
import { markPaced } from './paced-retry.js';
import { ThrottleJudge } from './throttle-judge.js';

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface PacerOptions {
  /**
   * Calls per second to start from (default 100). Too high costs a few throttled calls, each
   * retried in the next slot at a lowered rate; too low costs seconds of slow start.
   */
  initialRate?: number;
  /**
   * Calls let through at once by a pacer that has been idle (default: half a second's worth of
   * `initialRate`). AWS documents its API throttling as token buckets that start full, refill
   * while idle and hold more than a second's worth of their rate, so the first calls of a run need
   * not wait for their slots; after a throttle the bucket is known to be empty and must refill.
   */
  burst?: number;
  /** The floor (default 1 call/s): slow enough for any limit, fast enough to finish. */
  minRate?: number;
  maxRate?: number;
  /** Share of the rate kept at most by one cut (default 0.9): the mildest cut. */
  decrease?: number;
  /** After the first throttle, growth per second as a share of the rate (default 0.02). */
  increase?: number;
  /**
   * Times a throttled call is tried again (default 50: even at three calls in four throttled, one
   * call in a million still fails; the overall deadline bounds the time).
   */
  throttleRetries?: number;
  /** Longest wait before such a retry, on top of its slot (default 10 s). */
  maxBackoffMs?: number;
  /** 0..1 for backoff jitter (default Math.random). */
  random?: () => number;
  clock?: PacerClock;
}

const systemClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const REPROBE_AFTER_MS = 3_000;

type Answer = { $metadata?: { attempts?: number } };

export class OperationPacer {
  private rateValue: number;
  private readonly minRate: number;
  private readonly maxRate: number;
  private readonly increase: number;
  private readonly clock: PacerClock;
  private readonly throttleRetries: number;
  private readonly maxBackoffMs: number;
  private readonly random: () => number;
  private readonly burst: number;
  /**
   * The bucket as one timestamp (the generic cell rate algorithm): when the next call would start
   * if calls came exactly at the rate. A call may start once it is within the burst of now.
   */
  private nextAt = Number.NEGATIVE_INFINITY;
  /** Calls waiting for a slot, first come first served. */
  private readonly waiting: Array<(startedAt: number) => void> = [];
  private releasing = false;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  /** Until the first throttle the rate doubles each second (as TCP's slow start), then grows slowly. */
  private probing = true;
  private readonly judge: ThrottleJudge;
  /** Throttles that slowing down does not lower: retried, but no reason to cut. */
  private background = false;

  constructor(options: PacerOptions = {}) {
    this.rateValue = options.initialRate ?? 100;
    this.minRate = options.minRate ?? 1;
    this.maxRate = options.maxRate ?? 10_000;
    this.increase = options.increase ?? 0.02;
    this.clock = options.clock ?? systemClock;
    this.throttleRetries = options.throttleRetries ?? 50;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.random = options.random ?? Math.random;
    this.burst = Math.max(1, Math.floor(options.burst ?? this.rateValue / 2));
    this.judge = new ThrottleJudge({ mildestCut: options.decrease ?? 0.9 });
  }

  /** Calls per second currently allowed. */
  get rate(): number {
    return this.rateValue;
  }

  /** True while the pacer holds its rate against throttles that slowing down did not lower. */
  get ignoresBackground(): boolean {
    return this.background;
  }

  /**
   * Runs `fn` in its slot and learns from its answer. A throttled call (handed back at once by
   * `PacedRetryStrategy` when sent with `PacerRegistry.send`, or still throttled after the SDK's
   * retries otherwise) takes a new slot, after a backoff drawn at random between zero and one
   * slot doubled per further throttle ("full jitter", so throttled callers do not come back
   * together), up to `throttleRetries` times; other errors pass through. An answer that needed the
   * SDK's retries (a 5xx, a dropped connection, or a throttle the SDK retried) counts as throttled.
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const { waited } = await this.acquire();
      const rate = this.rateValue;
      try {
        const answer = await fn();
        const attempts = (answer as Answer | undefined)?.$metadata?.attempts ?? 1;
        this.learn(rate, attempts > 1);
        if (attempts <= 1 && waited) this.onSuccess();
        return answer;
      } catch (err) {
        if (!isThrottle(err)) throw err;
        this.learn(rate, true);
        if (attempt > this.throttleRetries) throw err;
        // Throttles that are not ours do not get rarer by waiting longer: a few slots at most.
        const doublings = this.background ? Math.min(attempt - 1, 2) : attempt - 1;
        const ceiling = Math.min(this.maxBackoffMs, (1000 / this.rateValue) * 2 ** doublings);
        await this.clock.sleep(ceiling * this.random());
      }
    }
  }

  /** Feeds the judge and follows its verdict. */
  private learn(rate: number, throttled: boolean): void {
    if (throttled) this.probing = false;
    const verdict = this.judge.record(rate, throttled);
    if (verdict.kind === 'cut') this.cut(verdict.rate);
    else if (verdict.kind === 'background') {
      // Those throttles say nothing about the limit: back to the rate before the cuts; from there
      // the rate grows per calm window (see ThrottleJudge), not per answer.
      this.background = true;
      this.setRate(Math.min(this.maxRate, Math.max(this.rateValue, verdict.restoreRate)));
      this.lastCutAt = this.clock.now();
    } else if (verdict.kind === 'calm') this.setRate(Math.min(this.maxRate, this.rateValue * verdict.growth));
    else if (verdict.kind === 'clear') this.background = false;
  }

  /**
   * A slot for one call: at once while the bucket allows, otherwise in the queue. Waiting calls are
   * released one by one at the rate in force when each is due, so a cut applies to every call
   * still waiting, not only to those that arrive after it.
   */
  private acquire(): Promise<{ startedAt: number; waited: boolean }> {
    const now = this.clock.now();
    if (this.waiting.length === 0 && this.dueAt() <= now) {
      this.take(now);
      return Promise.resolve({ startedAt: now, waited: false });
    }
    return new Promise((resolve) => {
      this.waiting.push((startedAt) => resolve({ startedAt, waited: true }));
      void this.release();
    });
  }

  /** When the next call may start. */
  private dueAt(): number {
    return this.nextAt - (this.burst - 1) * (1000 / this.rateValue);
  }

  private take(now: number): void {
    this.nextAt = Math.max(this.nextAt, now) + 1000 / this.rateValue;
  }

  private async release(): Promise<void> {
    if (this.releasing) return;
    this.releasing = true;
    try {
      while (this.waiting.length > 0) {
        const now = this.clock.now();
        const due = this.dueAt();
        if (due > now) {
          await this.clock.sleep(due - now);
          continue;
        }
        this.take(now);
        this.waiting.shift()!(now);
      }
    } finally {
      this.releasing = false;
    }
  }

  /**
   * Only calls that had to wait for their slot grow the rate: an idle pacer learns nothing. After
   * a while without a throttle it probes again, as at the start, so that a limit that went up
   * (or a neighbour that stopped) is found in seconds rather than minutes of slow growth.
   */
  private onSuccess(): void {
    // Over a background share, growth comes per calm window (see ThrottleJudge), not per answer.
    if (this.background) return;
    if (!this.probing && this.clock.now() - this.lastCutAt > REPROBE_AFTER_MS) this.probing = true;
    const step = this.probing ? 1 : this.increase;
    this.setRate(Math.min(this.maxRate, this.rateValue + step));
  }

  /**
   * The queue's debt (how far `nextAt` is ahead of now) is a number of slots: it keeps that
   * number at the new spacing, so a rate that goes back up is not held back by slots measured
   * at a lower one.
   */
  private setRate(rate: number): void {
    const now = this.clock.now();
    if (this.nextAt > now) this.nextAt = now + ((this.nextAt - now) * this.rateValue) / rate;
    this.rateValue = rate;
  }

  private cut(rate: number): void {
    this.probing = false;
    this.lastCutAt = this.clock.now();
    this.setRate(Math.max(this.minRate, Math.min(this.rateValue, rate)));
    // The bucket is empty: no burst until it has had time to refill.
    this.nextAt = Math.max(this.nextAt, this.lastCutAt + this.burst * (1000 / this.rateValue));
  }
}

/**
 * Pacers per (client, operation): throttling is per operation, and clients are shared by every
 * cluster of an account and region, so one read of a fleet shares one pacer per operation.
 */
export class PacerRegistry {
  private readonly byClient = new WeakMap<object, Map<string, OperationPacer>>();

  constructor(private readonly options: PacerOptions = {}) {}

  pacerFor(client: object, operation: string): OperationPacer {
    let pacers = this.byClient.get(client);
    if (!pacers) {
      pacers = new Map();
      this.byClient.set(client, pacers);
    }
    let pacer = pacers.get(operation);
    if (!pacer) {
      pacer = new OperationPacer(this.options);
      pacers.set(operation, pacer);
    }
    return pacer;
  }

  /** Sends `command` through the pacer of its operation on `client`; its throttles come back here. */
  send<Output>(client: { send(command: never): Promise<unknown> }, command: { input: object }): Promise<Output> {
    markPaced(command.input);
    const operation = command.constructor.name.replace(/Command$/, '');
    return this.pacerFor(client, operation).run(() => (client.send as (c: unknown) => Promise<Output>)(command));
  }
}

/**
 * The same clients with every `send` paced per operation (the command's name), so any code that
 * writes through them, such as the apply gateway, finds each operation's rate limit.
 */
export function pacedClients<T extends { [K in keyof T]: { send(command: object): Promise<unknown> } }>(clients: T, pacers: PacerRegistry): T {
  const paced: Record<string, unknown> = {};
  for (const [name, client] of Object.entries(clients) as Array<[string, { send(command: object): Promise<unknown> }]>) {
    paced[name] = new Proxy(client, {
      get(target, property, receiver) {
        if (property !== 'send') return Reflect.get(target, property, receiver);
        return (command: { input: object }) => pacers.send(target, command);
      },
    });
  }
  return paced as T;
}
