/** `eks-identity emulator`: serve the loopback EKS + IAM + STS emulator from a state file. */
import { resolve } from 'node:path';
import { EksIdentityError } from '../../errors.js';
import { parseCommandArgs, parsePositiveInt } from '../args.js';
import type { CliCommand, CliIo } from '../io.js';
import { EMULATED_OPERATIONS, loadEmulatorState, startEmulator, type FaultOptions } from '../../emulator/index.js';
import { closestMatch } from '../../model/closest-match.js';

const USAGE = `Usage: eks-identity emulator --state FILE [options]

Serves Amazon EKS, IAM and STS on a loopback port, seeded from a JSON state file (docs/emulator.md).
Prints the environment variables that point the AWS SDK and CLI at it, then serves until
interrupted (Ctrl-C, SIGTERM).

Options:
  --state FILE              emulator state (JSON) — required
  --port N                  port to listen on (default: any free port)
  --host HOST               address to listen on (default 127.0.0.1)
  --latency-ms N            delay every answer by N ms
  --jitter-ms N             add a random 0..N ms to each delay
  --throttle-rps N          per-operation token bucket: N requests per second
  --throttle-burst N        token bucket size (default: the rps)
  --background-rps N        another caller takes N tokens/s from each bucket (needs --throttle-rps)
  --throttle-rate R         answer a share R (0..1) of requests with a throttling error
  --error-rate R            answer a share R (0..1) of requests with 500/503
  --reset-rate R            drop the connection of a share R (0..1) of requests
  --iam-propagation-ms N    roles created through IAM stay invisible to EKS for N ms
  --deny OPERATION          answer OPERATION (e.g. GetUser) with 403 AccessDenied (repeatable)
  --hang OPERATION          accept OPERATION's requests and never answer (repeatable)
  --seed N                  seed for generated ids and faults (default 1)
`;

function parseRate(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) {
    throw new EksIdentityError('CLI_USAGE', `emulator: ${flag} must be a number between 0 and 1 (got "${value}")`);
  }
  return n;
}

/** Resolves on SIGINT or SIGTERM: the default way the command stops. */
export function waitForSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Runs the command; `waitForStop` decides when to shut down (tests pass their own). */
export async function runEmulatorCommand(argv: string[], io: CliIo, waitForStop: () => Promise<void> = waitForSignal): Promise<number> {
  const { values } = parseCommandArgs('emulator', argv, {
    state: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    'latency-ms': { type: 'string' },
    'jitter-ms': { type: 'string' },
    'throttle-rps': { type: 'string' },
    'throttle-burst': { type: 'string' },
    'background-rps': { type: 'string' },
    'throttle-rate': { type: 'string' },
    'error-rate': { type: 'string' },
    'reset-rate': { type: 'string' },
    'iam-propagation-ms': { type: 'string' },
    deny: { type: 'string', multiple: true },
    hang: { type: 'string', multiple: true },
    seed: { type: 'string' },
  });
  if (!values.state) {
    throw new EksIdentityError('CLI_USAGE', 'emulator: --state FILE is required', { fix: 'see examples/emulator/ for state files' });
  }
  const int = (flag: string) => parsePositiveInt('emulator', `--${flag}`, values[flag as keyof typeof values] as string | undefined);
  const faults: FaultOptions = {};
  const set = <K extends keyof FaultOptions>(key: K, value: FaultOptions[K] | undefined) => {
    if (value !== undefined) faults[key] = value;
  };
  set('latencyMs', int('latency-ms'));
  set('jitterMs', int('jitter-ms'));
  set('throttleRps', int('throttle-rps'));
  set('throttleBurst', int('throttle-burst'));
  set('backgroundRps', int('background-rps'));
  if (faults.backgroundRps !== undefined && faults.throttleRps === undefined) {
    throw new EksIdentityError('CLI_USAGE', 'emulator: --background-rps needs --throttle-rps (the bucket it shares)', { fix: 'add --throttle-rps N with N above the background rate' });
  }
  set('throttleRate', parseRate('--throttle-rate', values['throttle-rate']));
  set('errorRate', parseRate('--error-rate', values['error-rate']));
  set('resetRate', parseRate('--reset-rate', values['reset-rate']));
  set('iamPropagationMs', int('iam-propagation-ms'));
  const operations = (option: string, list: string[] | undefined) => {
    const names = (list ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    // A misspelt operation would silently turn the fault off.
    for (const name of names) {
      if (EMULATED_OPERATIONS.includes(name)) continue;
      const suggestion = closestMatch(name, EMULATED_OPERATIONS);
      throw new EksIdentityError('CLI_USAGE', `emulator: ${option} ${name} is not an operation the emulator answers${suggestion ? `; did you mean ${suggestion}?` : ''}`, { fix: `one of: ${EMULATED_OPERATIONS.join(', ')}` });
    }
    return names;
  };
  if (values.deny && values.deny.length > 0) faults.denyOperations = operations('--deny', values.deny);
  if (values.hang && values.hang.length > 0) faults.hangOperations = operations('--hang', values.hang);
  const port = int('port');
  const seed = int('seed');

  const file = resolve(io.cwd, values.state);
  const state = await loadEmulatorState(file);
  const handle = await startEmulator({
    state,
    faults,
    ...(port !== undefined ? { port } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  io.stdout(`# eks-identity emulator serving EKS, IAM and STS at ${handle.endpoint} (state: ${values.state})\n`);
  io.stdout('# run these in the shell that will use it:\n');
  for (const [name, value] of Object.entries(handle.env)) io.stdout(`export ${name}=${value}\n`);
  try {
    await waitForStop();
  } finally {
    await handle.close();
  }
  const calls = Object.entries(handle.calls());
  io.stderr(`# emulator stopped after ${calls.reduce((n, [, c]) => n + c, 0)} requests\n`);
  return 0;
}

export const emulatorCommand: CliCommand = {
  summary: 'serve a loopback EKS + IAM + STS emulator from a state file',
  usage: USAGE,
  run: (argv, io) => runEmulatorCommand(argv, io),
};
