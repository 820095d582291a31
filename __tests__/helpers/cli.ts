/** The CLI in this process, as the e2e tests of a working directory run it. */
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

/** Runs `eks-identity ARGV` in `cwd` with the process environment; returns its exit code and output. */
export async function runCli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = { out: '', err: '', env: process.env, cwd, isTTY: false, stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) };
  const code = await main(argv, io as CliIo);
  return { code, out: io.out, err: io.err };
}

/** Points the SDK at the emulator through the variables a user's shell sets, with the given key. */
export function pointAwsAt(endpoint: string, accessKeyId: string): void {
  Object.assign(process.env, { AWS_ENDPOINT_URL_EKS: endpoint, AWS_ENDPOINT_URL_IAM: endpoint, AWS_ENDPOINT_URL_STS: endpoint, AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: 'secret' });
}
