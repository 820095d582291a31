import type { EmulatorHandle, EmulatorOptions } from './types.js';

/** Starts the emulator on a loopback port and resolves once it listens. */
export async function startEmulator(_options: EmulatorOptions): Promise<EmulatorHandle> {
  throw new Error('emulator server not implemented yet');
}
