import { formatDiagnostic, loadManifest } from '../../manifest/index.js';
import { listManifestClusters } from '../../manifest/cluster-list.js';
import { renderClusterList } from '../../render/cluster-list.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand } from '../io.js';

const USAGE = `Usage: eks-identity clusters [--manifest PATH] [--format text|json]

Lists the clusters a manifest declares (offline, no AWS call): name, region, partition, and the
accountId and assumeRoleArn when the manifest gives them. The JSON form is one line, an array a
workflow turns into a job matrix with fromJSON, one job per cluster (docs/fan-out.md).

Options:
  --manifest PATH    manifest file, directory (*.yaml, *.yml) or glob (default: eks-identity.yaml)
  --format FORMAT    text (default, a table) or json ([{ name, region, partition, accountId?, assumeRoleArn? }])

Exit codes: 0 listed, 1 the manifest is invalid (its errors are printed as validate prints them).
`;

export const clustersCommand: CliCommand = {
  summary: 'list the manifest\'s clusters (JSON for a job matrix)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs('clusters', argv, {
      manifest: { type: 'string', default: 'eks-identity.yaml' },
      format: { type: 'string' },
    });
    const format = parseFormat('clusters', values.format, ['text', 'json']) as 'text' | 'json';
    const loaded = await loadManifest(values.manifest ?? 'eks-identity.yaml', { cwd: io.cwd });
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) if (d.severity === 'error') io.stderr(`${formatDiagnostic(d)}\n`);
      return 1;
    }
    io.stdout(`${renderClusterList(listManifestClusters(loaded.manifest), format)}\n`);
    return 0;
  },
};
