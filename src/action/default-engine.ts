import { EksIdentityError } from '../errors.js';
import type { ActionEngine } from './engine.js';

/** The engine the published action runs (wired to src/engine.ts). */
export function createDefaultEngine(): ActionEngine {
  throw new EksIdentityError('ENGINE_UNAVAILABLE', 'the planning engine is not built into this version of the action', { source: 'internal' });
}
