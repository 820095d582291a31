import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EksIdentityError } from '../errors.js';
import { processIo, type CliCommand, type CliIo } from './io.js';

/** Commands load lazily so that `eks-identity validate` does not pay for the AWS SDK. */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  validate: async () => (await import('./commands/validate.js')).validateCommand,
  clusters: async () => (await import('./commands/clusters.js')).clustersCommand,
  plan: async () => (await import('./commands/plan.js')).planCommand,
  apply: async () => (await import('./commands/apply.js')).applyCommand,
  export: async () => (await import('./commands/export.js')).exportCommand,
  'migrate-irsa': async () => (await import('./commands/migrate-irsa.js')).migrateIrsaCommand,
  'migrate-aws-auth': async () => (await import('./commands/migrate-aws-auth.js')).migrateAwsAuthCommand,
  emulator: async () => (await import('./commands/emulator.js')).emulatorCommand,
  demo: async () => (await import('./commands/demo.js')).demoCommand,
};

async function helpText(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(COMMANDS).map(async ([name, load]) => `  ${name.padEnd(18)}${(await load()).summary}`),
  );
  return [
    'eks-identity: manage EKS Pod Identity associations and access entries from a manifest.',
    '',
    'Usage: eks-identity COMMAND [options]    (eks-identity COMMAND --help for its options)',
    '',
    'Commands:',
    ...lines,
    '',
    'Environment:',
    '  EKS_IDENTITY_DEBUG=1  a line on stderr per AWS call attempt: operation, attempt, status, latency (never credentials)',
    '',
  ].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  // The SDK's notice about future Node versions is noise in a CLI's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await helpText());
    return name ? 0 : 1;
  }
  if (name === '--version') {
    // package.json sits two levels up from both src/cli and the built lib/cli.
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    io.stdout(`eks-identity ${version}\n`);
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`error: unknown command "${name}". Run "eks-identity --help" for the list.\n`);
    return 1;
  }
  try {
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.usage.trimEnd()}\n`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    io.stderr(describeError(err));
    return 1;
  }
}

/** A user error is one line with what to do; anything else is a bug and keeps its stack. */
export function describeError(err: unknown): string {
  if (EksIdentityError.is(err) && err.source === 'user') {
    const where = err.location ? `${err.location.file}:${err.location.line}:${err.location.column}: ` : '';
    return `${where}error ${err.code}: ${err.message}${err.fix ? `\n  fix: ${err.fix}` : ''}\n`;
  }
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return `internal error (please report it): ${text}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
