import { neutralizeWorkflowCommands } from '../render/escape.js';

/** What a CLI command may touch: passed in so tests run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when stdout is a terminal (colour, progress bars). */
  isTTY: boolean;
}

export interface CliCommand {
  /** One line for `eks-identity --help`. */
  summary: string;
  /** Full usage text for `eks-identity COMMAND --help`. */
  usage: string;
  /** Returns the process exit code. Throws EksIdentityError for user errors. */
  run(argv: string[], io: CliIo): Promise<number>;
}

export function processIo(): CliIo {
  // The CLI runs in workflows too, where a line starting with `::` would be a workflow command.
  return {
    stdout: (text) => process.stdout.write(neutralizeWorkflowCommands(text)),
    stderr: (text) => process.stderr.write(neutralizeWorkflowCommands(text)),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
  };
}
