import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { expandManifest, parseManifestText } from '../../src/manifest/index.js';
import type { ClusterMigration, ManifestFragment } from '../../src/migrate/index.js';
import { besideManifest } from '../../src/operations/beside-manifest.js';

const ACCOUNT = '111122223333';
const role = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

const MANIFEST = `version: 1
clusters:
  - { name: prod, region: us-east-1, accountId: "${ACCOUNT}" }
  - { name: staging, region: us-east-1, accountId: "${ACCOUNT}" }
defaults:
  tags: { owner: platform }
podIdentityAssociations:
  - namespace: app
    serviceAccount: same
    roleName: App
  - namespace: app
    serviceAccount: moved
    roleName: Old
accessEntries:
  - principalArn: arn:aws:iam::${ACCOUNT}:role/Admins
    kubernetesGroups: [admins]
`;

const declared = expandManifest(parseManifestText(MANIFEST, 'identity/main.yaml')).clusters.find((c) => c.name === 'prod')!;

function migration(fragment: Omit<ManifestFragment, 'version' | 'clusters'>, origins: ClusterMigration['origins'] = {}): ClusterMigration {
  return {
    cluster: 'prod',
    region: 'us-east-1',
    accountId: ACCOUNT,
    fragment: { version: 1, clusters: [{ name: 'prod', region: 'us-east-1', accountId: ACCOUNT }], ...fragment },
    comments: { header: ['Found on cluster prod.'] },
    origins,
    leading: [],
    findings: [],
    notConvertible: [],
  };
}

describe('besideManifest', () => {
  it('GIVEN objects the manifest declares the same, differently, and not at all THEN only the new ones are proposed, for this cluster, and the different one is a note naming both places', () => {
    const { content, differences } = besideManifest(
      migration(
        {
          podIdentityAssociations: [
            { namespace: 'app', serviceAccount: 'same', roleArn: role('App') },
            { namespace: 'app', serviceAccount: 'moved', roleArn: role('New') },
            { namespace: 'app', serviceAccount: 'fresh', roleArn: role('Fresh') },
          ],
          accessEntries: [{ principalArn: role('Admins'), type: 'STANDARD', kubernetesGroups: ['admins', 'auditors'] }],
        },
        { [role('Admins')]: { file: 'aws-auth.yaml', line: 9, column: 7 } },
      ),
      declared,
      'identity/',
    );
    const fragment = parse(content!) as ManifestFragment;
    expect(fragment).toEqual({ version: 1, podIdentityAssociations: [{ namespace: 'app', serviceAccount: 'fresh', roleArn: role('Fresh'), clusters: ['prod'] }] });
    expect(content).toContain('# Only what identity/ does not declare yet for cluster prod.');
    expect(content).toContain('# Found on cluster prod.');
    expect(differences.map((d) => [d.code, d.severity, d.key])).toEqual([
      ['MIGRATION_KEEPS_MANIFEST', 'info', 'app/moved'],
      ['MIGRATION_KEEPS_MANIFEST', 'info', role('Admins')],
    ]);
    expect(differences[0]!.message).toContain(`the live cluster prod differs from identity/main.yaml:11:5 (roleArn "${role('New')}" there, "${role('Old')}" in the manifest)`);
    expect(differences[1]!.message).toContain('aws-auth.yaml:9:7 differs from identity/main.yaml:15:5 (kubernetesGroups ["admins","auditors"] there, ["admins"] in the manifest)');
    expect(differences[1]!.source).toEqual({ file: 'identity/main.yaml', line: 15, column: 5 });
  });

  it('GIVEN everything already declared the same way THEN no file is proposed and nothing is noted', () => {
    const result = besideManifest(migration({ podIdentityAssociations: [{ namespace: 'app', serviceAccount: 'same', roleArn: role('App'), tags: { team: 'x' } }] }), declared, 'identity/');
    expect(result).toEqual({ differences: [] });
  });
});
