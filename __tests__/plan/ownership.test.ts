import { describe, expect, it } from '@jest/globals';
import { eksOwnedEntryReason, OWNER_TAG } from '../../src/model/ownership.js';
import { actionsOf, changeOf, codesOf, desiredAssociation, desiredCluster, desiredEntry, findingOf, liveAssociation, liveCluster, liveEntry, planOne, roleArn } from './fixtures.js';

const A = { [OWNER_TAG]: 'team-a' };
const B = { [OWNER_TAG]: 'team-b' };
const NODE = roleArn('NodeRole');
const SOURCE = { file: 'team-a.yaml', line: 9, column: 5 };

describe('computePlan: prune owned', () => {
  it('GIVEN prune: owned WHEN undeclared objects carry this owner, another owner or none THEN only this owner\'s are deleted', () => {
    const plan = planOne(
      desiredCluster({ owner: 'team-a', prune: 'owned' }),
      liveCluster({
        associations: [liveAssociation('a', 'mine', { tags: A }), liveAssociation('b', 'theirs', { tags: B }), liveAssociation('t', 'terraform')],
        accessEntries: [liveEntry(roleArn('Mine'), { tags: A }), liveEntry(roleArn('Theirs'), { tags: B }), liveEntry(roleArn('Terraform'))],
        accessEntryPrincipals: [roleArn('Mine'), roleArn('Theirs'), roleArn('Terraform')],
      }),
    );
    expect(plan.changes.filter((c) => c.action === 'delete').map((c) => c.id).sort()).toEqual(['association/a/mine', `entry/${roleArn('Mine')}`]);
    expect(changeOf(plan, 'association/a/mine').reason).toMatch(/prune: owned/);
    expect(plan.findings.filter((f) => f.code === 'NOT_OWNED_LEFT_ALONE').map((f) => f.message)).toEqual([
      expect.stringMatching(/^2 undeclared Pod Identity association/),
      expect.stringMatching(/^2 undeclared access entr/),
    ]);
  });

  it('GIVEN prune: true WHEN undeclared objects carry another owner THEN they are deleted as before', () => {
    const plan = planOne(desiredCluster({ owner: 'team-a', prune: true }), liveCluster({ associations: [liveAssociation('b', 'theirs', { tags: B })] }));
    expect(actionsOf(plan)).toEqual(['delete association/b/theirs']);
  });

  it('GIVEN a node entry tagged with this owner WHEN it is no longer declared THEN prune: owned deletes it; untagged node entries stay EKS\'s', () => {
    const plan = planOne(
      desiredCluster({ owner: 'team-a', prune: 'owned' }),
      liveCluster({ accessEntries: [liveEntry(NODE, { type: 'EC2_LINUX', tags: A }), liveEntry(roleArn('EksNode'), { type: 'EC2_LINUX', tags: A })] }),
    );
    expect(changeOf(plan, `entry/${NODE}`).action).toBe('delete');
    expect(eksOwnedEntryReason({ principalArn: NODE, type: 'EC2_LINUX', tags: {} }, 'team-a')).toMatch(/node entry/);
    expect(eksOwnedEntryReason({ principalArn: NODE, type: 'EC2_LINUX', tags: B }, 'team-a')).toMatch(/node entry/);
    expect(eksOwnedEntryReason({ principalArn: NODE, type: 'EC2_LINUX', tags: A }, 'team-a')).toBeUndefined();
  });

  it('GIVEN a declared object tagged by another owner WHEN planning THEN an error at the manifest line names the AWS object and no change is planned', () => {
    const plan = planOne(
      desiredCluster({ owner: 'team-a', accessEntries: [desiredEntry(roleArn('Shared'), { tags: A, source: SOURCE })] }),
      liveCluster({ accessEntries: [liveEntry(roleArn('Shared'), { tags: B, accessEntryArn: 'arn:aws:eks:us-east-1:111122223333:access-entry/prod/role/111122223333/Shared/x' })] }),
    );
    const f = findingOf(plan, 'OWNED_BY_ANOTHER_MANIFEST');
    expect(f.severity).toBe('error');
    expect(f.source).toEqual(SOURCE);
    expect(f.message).toContain('access-entry/prod/role/111122223333/Shared/x');
    expect(f.message).toContain('"team-b"');
    expect(plan.changes).toEqual([]);
  });

  it('GIVEN a manifest without owner WHEN a declared object carries an owner tag THEN it is an error too', () => {
    const plan = planOne(desiredCluster({ associations: [desiredAssociation('app', 'web')] }), liveCluster({ associations: [liveAssociation('app', 'web', { tags: B })] }));
    expect(codesOf(plan)).toContain('OWNED_BY_ANOTHER_MANIFEST');
  });

  it('GIVEN an untagged declared object WHEN the manifest has an owner THEN the update adds the tag (the first apply with owner tags what it declares)', () => {
    const plan = planOne(desiredCluster({ owner: 'team-a', associations: [desiredAssociation('app', 'web', { tags: { team: 'x', ...A } })] }), liveCluster({ associations: [liveAssociation('app', 'web', { tags: { team: 'x' } })] }));
    expect(changeOf(plan, 'association/app/web').fields).toEqual([{ field: 'tags', before: { team: 'x' }, after: { team: 'x', ...A } }]);
  });

  it('GIVEN an unchanged owner tag WHEN another tag changes THEN the diff shows only the other tag', () => {
    const plan = planOne(desiredCluster({ owner: 'team-a', associations: [desiredAssociation('app', 'web', { tags: { team: 'y', ...A } })] }), liveCluster({ associations: [liveAssociation('app', 'web', { tags: { team: 'x', ...A } })] }));
    expect(changeOf(plan, 'association/app/web').fields).toEqual([{ field: 'tags', before: { team: 'x' }, after: { team: 'y' } }]);
  });
});
