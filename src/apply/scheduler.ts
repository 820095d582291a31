import type { Unit } from './order.js';

interface Lane {
  ready: Unit[];
  inFlight: number;
}

/** Ready work per unit in flight: the lane that is furthest behind gets the next slot. */
const share = (lane: Lane) => lane.ready.length / (lane.inFlight + 1);

/**
 * Runs units as soon as the units they wait for have ended, with at most `limit` in flight.
 * Each operation has its own rate limit, paced by the gateway's pacers; the scheduler keeps every
 * lane (kind of work) supplied, and gives a free slot to the lane with the most ready units per
 * unit in flight (ties: the lane seen first). So no single operation's queue takes all the slots
 * while the others' limits go unused, and the longest queue, which decides when the run ends, gets
 * the most. `run` must not reject: an outcome, failed or not, is the unit's business.
 */
export function runUnits(units: readonly Unit[], limit: number, run: (unit: Unit) => Promise<void>): Promise<void> {
  const ceiling = Math.max(1, Math.floor(limit) || 1);
  const waitingOn = units.map((u) => u.after.length);
  const dependents = units.map((): number[] => []);
  for (const unit of units) for (const before of unit.after) dependents[before]!.push(unit.id);

  const lanes = new Map<string, Lane>();
  for (const unit of units) if (!lanes.has(unit.lane)) lanes.set(unit.lane, { ready: [], inFlight: 0 });
  let inFlight = 0;
  let ended = 0;

  return new Promise<void>((resolve, reject) => {
    const pickLane = () => {
      let best: Lane | undefined;
      for (const lane of lanes.values()) {
        if (lane.ready.length > 0 && (!best || share(lane) > share(best))) best = lane;
      }
      return best;
    };
    const dispatch = (): void => {
      for (let lane = pickLane(); lane && inFlight < ceiling; lane = pickLane()) {
        const unit = lane.ready.shift()!;
        lane.inFlight++;
        inFlight++;
        run(unit).then(() => finish(unit, lane), reject);
      }
      if (ended === units.length) resolve();
    };
    const finish = (unit: Unit, lane: Lane): void => {
      lane.inFlight--;
      inFlight--;
      ended++;
      for (const next of dependents[unit.id]!) if (--waitingOn[next]! === 0) lanes.get(units[next]!.lane)!.ready.push(units[next]!);
      dispatch();
    };
    for (const unit of units) if (waitingOn[unit.id] === 0) lanes.get(unit.lane)!.ready.push(unit);
    dispatch();
  });
}
