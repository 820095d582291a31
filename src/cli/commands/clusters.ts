import { formatDiagnostic, loadManifest } from '../../manifest/index.js';
import { EksIdentityError } from '../../errors.js';
import { formatLocation } from '../../model/source.js';
import { listManifestAccounts, listManifestClusters } from '../../manifest/cluster-list.js';
import { renderAccountList, renderClusterList } from '../../render/cluster-list.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand } from '../io.js';

const USAGE = `Usage: eks-identity clusters [--manifest PATH] [--format text|json] [--by cluster|account]

Lists the clusters a manifest declares (offline, no AWS call): name, region, partition, and the
accountId and assumeRoleArn when the manifest gives them. The JSON form is one line, an array a
workflow turns into a job matrix with fromJSON: one job per cluster, or with --by account one job
per account (docs/fan-out.md).

Options:
  --manifest PATH    manifest file, directory (*.yaml, *.yml) or glob (default: eks-identity.yaml)
  --format FORMAT    text (default, a table) or json ([{ name, region, partition, accountId?, assumeRoleArn? }])
  --by account       one entry per account: { accountId, partition, region, clusters: "a,b" }
                     (every cluster needs its accountId)

Exit codes: 0 listed, 1 the manifest is invalid (its errors are printed as validate prints them).
`;

export const clustersCommand: CliCommand = {
  summary: 'list the manifest\'s clusters (JSON for a job matrix)',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs('clusters', argv, {
      manifest: { type: 'string', default: 'eks-identity.yaml' },
      format: { type: 'string' },
      by: { type: 'string' },
    });
    if (values.by !== undefined && values.by !== 'cluster' && values.by !== 'account') {
      throw new EksIdentityError('CLI_USAGE', `clusters: --by must be cluster or account (got "${values.by}")`);
    }
    const format = parseFormat('clusters', values.format, ['text', 'json']) as 'text' | 'json';
    const loaded = await loadManifest(values.manifest ?? 'eks-identity.yaml', { cwd: io.cwd });
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) if (d.severity === 'error') io.stderr(`${formatDiagnostic(d)}\n`);
      return 1;
    }
    if (values.by !== 'account') {
      io.stdout(`${renderClusterList(listManifestClusters(loaded.manifest), format)}\n`);
      return 0;
    }
    const { accounts, missing } = listManifestAccounts(loaded.manifest);
    for (const m of missing) {
      io.stderr(`${formatLocation(m.source)}: error MISSING_ACCOUNT_ID: cluster ${m.name} has no accountId, so it cannot be grouped by account\n  fix: add accountId: "123456789012" to the cluster, or list by cluster\n`);
    }
    if (missing.length > 0) return 1;
    io.stdout(`${renderAccountList(accounts, format)}\n`);
    return 0;
  },
};
