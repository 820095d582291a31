import { formatDiagnostic, loadManifest } from '../../manifest/index.js';
import type { Manifest } from '../../manifest/model.js';
import { parseCommandArgs, parseFormat } from '../args.js';
import type { CliCommand } from '../io.js';

const USAGE = `Usage: eks-identity validate [--manifest PATH] [--format text|json]

Checks a manifest offline, with no AWS call: every file, every key, every rule. Prints every
problem in compiler style (file:line:col: error CODE: message) with the fix.

Options:
  --manifest PATH    manifest file, directory (*.yaml, *.yml) or glob (default: eks-identity.yaml)
  --format FORMAT    text (default) or json ({ ok, files, diagnostics })

Exit codes: 0 valid (warnings allowed), 1 invalid.
`;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const validateCommand: CliCommand = {
  summary: 'check a manifest offline and list every problem with its location',
  usage: USAGE,
  async run(argv, io) {
    const { values } = parseCommandArgs('validate', argv, {
      manifest: { type: 'string', default: 'eks-identity.yaml' },
      format: { type: 'string' },
    });
    const format = parseFormat('validate', values.format, ['text', 'json']);
    const loaded = await loadManifest(values.manifest ?? 'eks-identity.yaml', { cwd: io.cwd });
    if (format === 'json') {
      io.stdout(`${JSON.stringify({ ok: loaded.ok, files: loaded.files, diagnostics: loaded.diagnostics }, null, 2)}\n`);
      return loaded.ok ? 0 : 1;
    }
    // One stream, as compilers do: `validate > report.txt` keeps errors and warnings in their order.
    for (const d of loaded.diagnostics) io.stdout(`${formatDiagnostic(d)}\n`);
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
    if (!loaded.ok) {
      const files = new Set(errors.map((d) => d.location.file)).size;
      io.stdout(`${plural(errors.length, 'error', 'errors')} in ${plural(Math.max(1, files), 'file', 'files')}\n`);
      return 1;
    }
    const m = loaded.manifest;
    io.stdout(
      `ok: ${plural(loaded.files.length, 'file', 'files')}, ${plural(m.clusters.length, 'cluster', 'clusters')}, ` +
        `${plural(m.podIdentityAssociations.length, 'association', 'associations')}${rolesNote(m)}, ${plural(m.accessEntries.length, 'access entry', 'access entries')}${addonsNote(m)}\n`,
    );
    return 0;
  },
};

/** ` (3 with a role: block)` when some associations declare the role eks-identity creates. */
function rolesNote(m: Manifest): string {
  const withRole = m.podIdentityAssociations.filter((a) => a.value.role !== undefined).length;
  return withRole === 0 ? '' : ` (${withRole} with a role: block)`;
}

/** `, 2 add-ons (3 associations)` when the manifest declares add-on associations. */
function addonsNote(m: Manifest): string {
  const addons = m.addons ?? [];
  if (addons.length === 0) return '';
  const associations = addons.reduce((n, a) => n + a.value.podIdentityAssociations.length, 0);
  return `, ${plural(addons.length, 'add-on', 'add-ons')} (${plural(associations, 'association', 'associations')})`;
}
