/** Seeded randomness so that generated ids and injected faults repeat run after run. */
export type Random = () => number;

/** mulberry32: a tiny 32-bit PRNG; returns floats in [0, 1). */
export function createRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function pick(random: Random, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Ids shaped like the ones AWS hands out, drawn from one seeded stream. */
export function createIdFactory(random: Random) {
  return {
    /** IAM unique ids: AROA… for roles, AIDA… for users, ANPA… for managed policies (21 characters). */
    iamId: (prefix: 'AROA' | 'AIDA' | 'ANPA') => prefix + pick(random, UPPER, 17),
    /** Temporary access key ids (ASIA…). */
    accessKeyId: () => 'ASIA' + pick(random, UPPER, 16),
    secret: () => pick(random, LOWER + UPPER, 40),
    /** Pod Identity association ids: `a-` and 17 lowercase characters. */
    associationId: () => 'a-' + pick(random, LOWER, 17),
    uuid: () =>
      [8, 4, 4, 4, 12].map((n) => pick(random, HEX, n)).join('-'),
    oidcId: () => pick(random, HEX, 32).toUpperCase(),
    requestId: () => [8, 4, 4, 4, 12].map((n) => pick(random, HEX, n)).join('-'),
  };
}

export type IdFactory = ReturnType<typeof createIdFactory>;
