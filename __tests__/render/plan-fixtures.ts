/**
 * Plans for the renderer tests, made by the real planner from fixture worlds: a plan with every
 * action and severity over three clusters (one in China, one unchanged), and a plan with nothing to do.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plan } from '../../src/model/plan.js';
import {
  ADMIN,
  DEPLOYER,
  EDIT,
  VIEW,
  desiredAssociation,
  desiredCluster,
  desiredEntry,
  desiredPolicy,
  liveAssociation,
  liveCluster,
  liveEntry,
  livePolicy,
  liveRole,
  namespaces,
  planAll,
  policyArn,
  roleArn,
} from '../plan/fixtures.js';

const at = (line: number) => ({ file: 'identity/platform.yaml', line, column: 5 });

export function mixedPlan(): Plan {
  const app = roleArn('App');
  const ops = roleArn('Ops');
  const prod = desiredCluster({
    prune: true,
    source: at(2),
    associations: [
      desiredAssociation('karpenter', 'karpenter', { roleArn: roleArn('KarpenterController'), tags: { 'managed-by': 'eks-identity' }, source: at(10) }),
      desiredAssociation('app', 'web', { roleArn: roleArn('AppWeb'), tags: { team: 'web' }, source: at(14) }),
      desiredAssociation('jobs', 'runner', { roleArn: roleArn('Runner'), source: at(18) }),
      desiredAssociation('kube-system', 'ebs-csi-controller-sa', { roleArn: roleArn('EbsCsi'), source: at(22) }),
    ],
    accessEntries: [
      desiredEntry(app, { kubernetesGroups: ['app-editors'], username: 'app', accessPolicies: [desiredPolicy(EDIT, namespaces('app', 'jobs'))], source: at(30) }),
      desiredEntry(DEPLOYER, { accessPolicies: [desiredPolicy(ADMIN)], source: at(36) }),
      desiredEntry(ops, { accessPolicies: [desiredPolicy(VIEW)], source: at(40) }),
    ],
  });
  const prodLive = liveCluster({
    associations: [
      liveAssociation('app', 'web', { roleArn: roleArn('AppWebOld'), targetRoleArn: roleArn('Chained', 'aws', '444455556666'), tags: { team: 'web', cost: 'x' } }),
      liveAssociation('kube-system', 'ebs-csi-controller-sa', { roleArn: roleArn('EbsCsi'), ownerArn: 'arn:aws:eks:us-east-1:111122223333:addon/prod/aws-ebs-csi-driver/1' }),
      liveAssociation('legacy', 'worker'),
    ],
    accessEntries: [
      liveEntry(app, { kubernetesGroups: ['app-viewers'], accessPolicies: [livePolicy(EDIT, namespaces('app'))] }),
      liveEntry(DEPLOYER, { accessPolicies: [livePolicy(ADMIN)] }),
      liveEntry(ops, { createdAt: '2024-01-01T00:00:00Z', accessPolicies: [livePolicy(VIEW)] }),
      liveEntry(roleArn('Departed')),
      liveEntry(roleArn('eks-nodes'), { type: 'EC2_LINUX' }),
    ],
    roles: {
      [roleArn('Runner')]: null,
      [ops]: liveRole(ops, { createDate: '2024-05-01T00:00:00Z' }),
      [roleArn('AppWeb')]: liveRole(roleArn('AppWeb'), { trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: 'sts:AssumeRole' }] } }),
    },
  });
  const china = desiredCluster({
    name: 'prod-cn',
    region: 'cn-north-1',
    source: at(4),
    associations: [desiredAssociation('karpenter', 'karpenter', { roleArn: roleArn('KarpenterController', 'aws-cn'), source: at(10) })],
    accessEntries: [desiredEntry(roleArn('Ops', 'aws-cn'), { accessPolicies: [desiredPolicy(policyArn('AmazonEKSViewPolicy', 'aws-cn'))], source: at(40) })],
  });
  const chinaRole = roleArn('KarpenterController', 'aws-cn');
  const chinaLive = liveCluster({
    name: 'prod-cn',
    region: 'cn-north-1',
    addons: [],
    roles: {
      [chinaRole]: liveRole(chinaRole, {
        trustPolicy: { Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com', 'ec2.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] },
      }),
    },
  });
  const quiet = desiredCluster({ name: 'staging', associations: [desiredAssociation('app', 'web')] });
  const quietLive = liveCluster({ name: 'staging', associations: [liveAssociation('app', 'web')], associationSummaries: [{ associationId: 'a', namespace: 'app', serviceAccount: 'web' }, { associationId: 'b', namespace: 'other', serviceAccount: 'sa' }] });
  return planAll([prod, china, quiet], [prodLive, chinaLive, quietLive]);
}

export function noChangePlan(): Plan {
  return planAll([desiredCluster({ associations: [desiredAssociation('app', 'web')] })], [liveCluster({ associations: [liveAssociation('app', 'web')] })]);
}

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/** Compares with the golden file; `UPDATE_GOLDEN=1` writes it instead. */
export function golden(name: string, actual: string): { expected: string; actual: string } {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
  }
  return { expected: readFileSync(file, 'utf8'), actual };
}
