/**
 * Finds an operation's rate limit instead of guessing it. AWS throttles each API operation on its
 * own token bucket, and the limit differs by operation, account and region; a fixed pool either
 * leaves capacity unused or runs into throttling, which the SDK's adaptive retry answers by slowing
 * the whole client (every operation) for seconds. A pacer spaces the calls of one operation at a
 * rate it adjusts from what the answers say: it speeds up while it is the bottleneck and calls
 * succeed at once, and slows down by a fixed share when a call is throttled, at most once per
 * round of calls.
 *
 * Not every throttle is ours to fix. Other callers share an account's limits, and their
 * throttles do not stop when we slow down; cutting on each of them would take the rate to the
 * floor and a plan to tens of minutes. So every outcome also goes to a `ThrottleJudge`, which
 * compares the throttled share before and after the cuts: when slowing down did not lower it, the
 * pacer goes back to the rate it had before the cuts and stops cutting for those throttles (it
 * still retries them, after a fully jittered backoff), until more throttles arrive than that
 * background explains.
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
  /** Share of the rate kept after a throttle (default 0.9). */
  decrease?: number;
  /** After the first throttle, growth per second as a share of the rate (default 0.02). */
  increase?: number;
  /**
   * Times a throttled call is tried again (default 25: at half the calls throttled at random, one
   * call in 30 million still fails; the overall deadline bounds the time).
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
  private readonly decrease: number;
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
  private readonly judge = new ThrottleJudge();
  /** Throttles that slowing down does not lower: retried, but no reason to cut. */
  private background = false;

  constructor(options: PacerOptions = {}) {
    this.rateValue = options.initialRate ?? 100;
    this.minRate = options.minRate ?? 1;
    this.maxRate = options.maxRate ?? 10_000;
    this.decrease = options.decrease ?? 0.9;
    this.increase = options.increase ?? 0.02;
    this.clock = options.clock ?? systemClock;
    this.throttleRetries = options.throttleRetries ?? 25;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.random = options.random ?? Math.random;
    this.burst = Math.max(1, Math.floor(options.burst ?? this.rateValue / 2));
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
      const { startedAt, waited } = await this.acquire();
      const rate = this.rateValue;
      try {
        const answer = await fn();
        const attempts = (answer as Answer | undefined)?.$metadata?.attempts ?? 1;
        this.learn(startedAt, rate, attempts > 1);
        if (attempts <= 1 && waited) this.onSuccess();
        return answer;
      } catch (err) {
        if (!isThrottle(err)) throw err;
        this.learn(startedAt, rate, true);
        if (attempt > this.throttleRetries) throw err;
        // Throttles that are not ours do not get rarer by waiting longer: a few slots at most.
        const doublings = this.background ? Math.min(attempt - 1, 2) : attempt - 1;
        const ceiling = Math.min(this.maxBackoffMs, (1000 / this.rateValue) * 2 ** doublings);
        await this.clock.sleep(ceiling * this.random());
      }
    }
  }

  /** Feeds the judge, then cuts for a throttle unless the judge found it is not ours. */
  private learn(startedAt: number, rate: number, throttled: boolean): void {
    const verdict = this.judge.record(rate, throttled);
    if (verdict.kind === 'background') {
      // Those throttles say nothing about the limit: look for it as if they had not happened.
      this.background = true;
      this.probing = true;
      this.rateValue = Math.min(this.maxRate, Math.max(this.rateValue, verdict.restoreRate));
    } else if (verdict.kind === 'overload' || verdict.kind === 'clear') {
      this.background = false;
    }
    if (throttled && !this.background) this.onThrottle(startedAt);
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
    if (!this.probing && this.clock.now() - this.lastCutAt > REPROBE_AFTER_MS) this.probing = true;
    const step = this.probing ? 1 : this.increase;
    this.rateValue = Math.min(this.maxRate, this.rateValue + step);
  }

  /** Calls started before the last cut saw the old rate: their throttles are already answered. */
  private onThrottle(startedAt: number): void {
    this.probing = false;
    if (startedAt <= this.lastCutAt) return;
    this.lastCutAt = this.clock.now();
    this.rateValue = Math.max(this.minRate, this.rateValue * this.decrease);
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
