/**
 * Finds an operation's rate limit instead of guessing it. AWS throttles each API operation on its
 * own token bucket, and the limit differs by operation, account and region; a fixed pool either
 * leaves capacity unused or runs into throttling, which the SDK's adaptive retry answers by slowing
 * the whole client (every operation) for seconds. A pacer spaces the calls of one operation at a
 * rate it adjusts from what the answers say: it speeds up while it is the bottleneck and calls
 * succeed at once, and slows down by a fixed share when a call needed retries (the SDK retried a
 * throttle), at most once per round of calls.
 */
import { isThrottle } from './errors.js';

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface PacerOptions {
  /** Calls per second to start from (default 25). */
  initialRate?: number;
  minRate?: number;
  maxRate?: number;
  /** Share of the rate kept after a throttle (default 0.9). */
  decrease?: number;
  /** After the first throttle, growth per second as a share of the rate (default 0.02). */
  increase?: number;
  /** Times a call still throttled after the SDK's retries is tried again (default 8). */
  throttleRetries?: number;
  /** Longest wait before such a retry (default 20 s). */
  maxBackoffMs?: number;
  /** 0..1 for backoff jitter (default Math.random). */
  random?: () => number;
  clock?: PacerClock;
}

const systemClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

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
  private nextAt = Number.NEGATIVE_INFINITY;
  private lastCutAt = Number.NEGATIVE_INFINITY;
  /** Until the first throttle the rate doubles each second (as TCP's slow start), then grows slowly. */
  private probing = true;

  constructor(options: PacerOptions = {}) {
    this.rateValue = options.initialRate ?? 25;
    this.minRate = options.minRate ?? 0.5;
    this.maxRate = options.maxRate ?? 10_000;
    this.decrease = options.decrease ?? 0.9;
    this.increase = options.increase ?? 0.02;
    this.clock = options.clock ?? systemClock;
    this.throttleRetries = options.throttleRetries ?? 8;
    this.maxBackoffMs = options.maxBackoffMs ?? 20_000;
    this.random = options.random ?? Math.random;
  }

  /** Calls per second currently allowed. */
  get rate(): number {
    return this.rateValue;
  }

  /**
   * Runs `fn` in its slot and learns from its answer. A call still throttled after the SDK's own
   * retries (or refused by the SDK's retry quota, which sustained throttling drains) waits and
   * takes a new slot at the lowered rate, up to `throttleRetries` times; other errors pass through.
   */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const { startedAt, waited } = await this.acquire();
      try {
        const answer = await fn();
        const attempts = (answer as Answer | undefined)?.$metadata?.attempts ?? 1;
        if (attempts > 1) this.onThrottle(startedAt);
        else if (waited) this.onSuccess();
        return answer;
      } catch (err) {
        if (!isThrottle(err)) throw err;
        this.onThrottle(startedAt);
        if (attempt > this.throttleRetries) throw err;
        // Exponential backoff with full jitter, so throttled callers do not return together.
        await this.clock.sleep(Math.min(this.maxBackoffMs, 100 * 2 ** attempt) * (0.5 + this.random() / 2));
      }
    }
  }

  private async acquire(): Promise<{ startedAt: number; waited: boolean }> {
    const now = this.clock.now();
    const slot = Math.max(now, this.nextAt);
    this.nextAt = slot + 1000 / this.rateValue;
    const waited = slot > now;
    if (waited) await this.clock.sleep(slot - now);
    return { startedAt: slot, waited };
  }

  /** Only calls that had to wait for their slot grow the rate: an idle pacer learns nothing. */
  private onSuccess(): void {
    const step = this.probing ? 1 : this.increase;
    this.rateValue = Math.min(this.maxRate, this.rateValue + step);
  }

  /** Calls started before the last cut saw the old rate: their throttles are already answered. */
  private onThrottle(startedAt: number): void {
    this.probing = false;
    if (startedAt <= this.lastCutAt) return;
    this.lastCutAt = this.clock.now();
    this.rateValue = Math.max(this.minRate, this.rateValue * this.decrease);
    this.nextAt = Math.max(this.nextAt, this.lastCutAt + 1000 / this.rateValue);
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
        return (command: object) => pacers.pacerFor(target, command.constructor.name.replace(/Command$/, '')).run(() => target.send(command));
      },
    });
  }
  return paced as T;
}
