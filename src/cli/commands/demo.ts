import { fileURLToPath } from 'node:url';
import { silentProgress } from '../../aws/progress.js';
import { loadEmulatorState, startEmulator } from '../../emulator/index.js';
import { plan } from '../../operations/index.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand } from '../io.js';
import { printPlan } from './plan.js';

/** The bundled example: resolved from this file so the demo runs from any directory. */
const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

const USAGE = `Usage: eks-identity demo [--format text|markdown|json] [--state FILE] [--manifest PATH]

Starts the loopback EKS/IAM/STS emulator on a bundled example state (two clusters, one in
cn-north-1, with drift, an access entry whose role was re-created, a trust policy without
sts:TagSession and a cluster without the Pod Identity agent), plans the example manifest against
it, prints the plan and stops. No AWS account or credentials are used.

Options:
  --format FORMAT     text (default), markdown or json
  --state FILE        emulator state (default: examples/emulator/demo.json)
  --manifest PATH     manifest (default: examples/manifests/platform.yaml)
`;

export const demoCommand: CliCommand = {
  summary: 'plan the example manifest against the bundled emulator (no AWS needed)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs('demo', argv, {
      format: { type: 'string' },
      state: { type: 'string' },
      manifest: { type: 'string' },
    });
    const format = parseFormat('demo', values.format, ['text', 'markdown', 'json']);
    const stateFile = values.state ?? `${EXAMPLES}emulator/demo.json`;
    const manifest = values.manifest ?? `${EXAMPLES}manifests/platform.yaml`;
    const emulator = await startEmulator({ state: await loadEmulatorState(stateFile) });
    try {
      io.stderr(`eks-identity demo: emulator at ${emulator.endpoint}, manifest ${manifest}\n\n`);
      const env = emulator.env;
      await using prepared = await plan({
        manifest,
        cwd: io.cwd,
        progress: silentProgress,
        aws: {
          endpoints: { eks: emulator.endpoint, iam: emulator.endpoint, sts: emulator.endpoint },
          credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? 'demo', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? 'demo' },
        },
      });
      await printPlan(prepared.plan, format, io);
      const calls = Object.values(emulator.calls()).reduce((a, b) => a + b, 0);
      io.stderr(`\n${calls} AWS API calls answered by the emulator. Try: eks-identity demo --format markdown\n`);
      return 0;
    } finally {
      await emulator.close();
    }
  },
};
