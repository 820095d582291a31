import type { EmulatorState } from './types.js';

/** Reads and validates a JSON state file. */
export async function loadEmulatorState(_file: string): Promise<EmulatorState> {
  throw new Error('not implemented yet');
}

/** Validates parsed JSON as a state; `source` names it in errors. */
export function parseEmulatorState(_json: unknown, _source: string): EmulatorState {
  throw new Error('not implemented yet');
}
