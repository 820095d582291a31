import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { partitionOfRegion } from '../../src/model/partition.js';
import { analyzeIrsaTrust } from '../../src/migrate/irsa.js';
import { addPodIdentityTrust, removeOidcTrust, trustPolicyLength, trustsPodIdentity } from '../../src/migrate/trust-policy.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'irsa');
const EXPECTED = join(FIXTURES, 'expected');
export const PROD_ISSUER = 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

interface Fixture {
  roleArn: string;
  trustPolicy: unknown;
  issuer?: string;
  region?: string;
}

const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

describe('IRSA trust policies (fixtures)', () => {
  it('has a dozen or more varied trust policies', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  it.each(fixtures)('GIVEN %s WHEN analysed, trusted for Pod Identity and stripped of OIDC THEN every result is exact', (name) => {
    const fixture = JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Fixture;
    const issuer = fixture.issuer ?? PROD_ISSUER;
    const partition = partitionOfRegion(fixture.region ?? 'us-east-1');
    const trust = analyzeIrsaTrust(fixture.trustPolicy, issuer, { roleArn: fixture.roleArn, partition });
    const added = addPodIdentityTrust(fixture.trustPolicy);
    const removed = removeOidcTrust(added.document, issuer, partition);
    const actual = {
      serviceAccounts: trust.serviceAccounts.map((s) => `${s.namespace}/${s.serviceAccount}`),
      statements: trust.statements,
      audiences: trust.audiences,
      findings: trust.findings.map((f) => f.code),
      trustChanged: added.changed,
      lengthAfterAdd: trustPolicyLength(added.document),
      afterAdd: added.document,
      removedStatements: removed.removed,
      afterRemoval: removed.document,
    };
    const expectedFile = join(EXPECTED, name);
    if (process.env.UPDATE_FIXTURES === '1' || !existsSync(expectedFile)) {
      mkdirSync(EXPECTED, { recursive: true });
      writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    }
    expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    // Laws that hold for every fixture:
    expect(trustsPodIdentity(added.document)).toBe(true);
    expect(addPodIdentityTrust(added.document)).toEqual({ document: added.document, changed: false });
    expect(analyzeIrsaTrust(removed.document, issuer, { partition }).statements).toEqual([]);
    expect(trustsPodIdentity(removed.document)).toBe(true);
  });
});
