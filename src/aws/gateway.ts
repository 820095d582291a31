import {
  AssociateAccessPolicyCommand,
  CreateAccessEntryCommand,
  CreatePodIdentityAssociationCommand,
  DeleteAccessEntryCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAccessEntryCommand,
  DescribePodIdentityAssociationCommand,
  DescribeUpdateCommand,
  DisassociateAccessPolicyCommand,
  ListPodIdentityAssociationsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateAccessEntryCommand,
  UpdateAddonCommand,
  UpdateClusterConfigCommand,
  UpdatePodIdentityAssociationCommand,
  paginateListAssociatedAccessPolicies,
} from '@aws-sdk/client-eks';
import { UpdateAssumeRolePolicyCommand } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AccessScope, AuthenticationMode } from '../model/desired.js';
import type { LiveAccessEntry, LiveAssociation } from '../model/live.js';
import type { AccessEntryValue, AssociationValue } from '../model/plan.js';
import type { AwsClients } from './clients.js';
import { callAws as call, callAwsOrAbsent as callOrAbsent } from './errors.js';
import { toAssociationSummary, toLiveAccessEntry, toLiveAssociation } from './live-convert.js';
import { callerIdentityOf } from './session.js';
import { PacerRegistry, pacedClients } from './pacer.js';
import { SdkIamRoleGateway, type IamRoleGateway } from './role-gateway.js';

/** An access entry as the write calls return it (policies are not part of these answers). */
export type AccessEntryRecord = Omit<LiveAccessEntry, 'accessPolicies'>;

/** The association fields UpdatePodIdentityAssociation changes; `''` clears targetRoleArn or policy. */
export interface AssociationUpdate {
  roleArn?: string;
  targetRoleArn?: string;
  disableSessionTags?: boolean;
  policy?: string;
}

/** The access entry fields UpdateAccessEntry changes. */
export interface AccessEntryUpdate {
  kubernetesGroups?: string[];
  username?: string;
}

export type UpdateStatus = 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';

/** What a delete found: `absent` (already gone) counts as done. */
export type DeleteOutcome = 'deleted' | 'absent';

/**
 * The writes apply needs, in domain terms. Every failure is an AwsCallError naming the operation
 * and the AWS object; "not found" is an answer (undefined / `absent`), never an error.
 */
export interface EksWriteGateway {
  createAssociation(cluster: string, value: AssociationValue, clientRequestToken: string): Promise<LiveAssociation>;
  /** The association for a (namespace, service account), or undefined: used to adopt after a 409. */
  findAssociation(cluster: string, namespace: string, serviceAccount: string): Promise<LiveAssociation | undefined>;
  describeAssociation(cluster: string, associationId: string): Promise<LiveAssociation | undefined>;
  updateAssociation(cluster: string, associationId: string, fields: AssociationUpdate): Promise<LiveAssociation>;
  deleteAssociation(cluster: string, associationId: string): Promise<DeleteOutcome>;
  /** Tags must be non-empty (EKS refuses an empty tag map). */
  tagResource(resourceArn: string, tags: Record<string, string>): Promise<void>;
  untagResource(resourceArn: string, tagKeys: string[]): Promise<void>;
  createAccessEntry(cluster: string, value: AccessEntryValue, clientRequestToken: string): Promise<AccessEntryRecord>;
  describeAccessEntry(cluster: string, principalArn: string): Promise<AccessEntryRecord | undefined>;
  updateAccessEntry(cluster: string, principalArn: string, fields: AccessEntryUpdate): Promise<AccessEntryRecord>;
  deleteAccessEntry(cluster: string, principalArn: string): Promise<DeleteOutcome>;
  /** ARNs of the access policies associated with an entry (empty when the entry is gone). */
  listAccessPolicyArns(cluster: string, principalArn: string): Promise<string[]>;
  /** Associating again replaces the scope. */
  associateAccessPolicy(cluster: string, principalArn: string, policyArn: string, scope: AccessScope): Promise<void>;
  disassociateAccessPolicy(cluster: string, principalArn: string, policyArn: string): Promise<DeleteOutcome>;
  /** Starts an asynchronous cluster update (one step on CONFIG_MAP → API_AND_CONFIG_MAP → API). */
  updateAuthenticationMode(cluster: string, mode: AuthenticationMode, clientRequestToken: string): Promise<{ updateId: string }>;
  /** An add-on update is found only with its add-on's name (DescribeUpdate `addonName`). */
  describeUpdate(cluster: string, updateId: string, addonName?: string): Promise<{ status: UpdateStatus; errors: string[] }>;
  /** UpdateAddon with the add-on's complete list of Pod Identity associations: the list replaces the add-on's (an empty list removes them). */
  updateAddonAssociations(cluster: string, addonName: string, associations: ReadonlyArray<{ serviceAccount: string; roleArn: string }>, clientRequestToken: string): Promise<{ updateId: string }>;
  /** IAM UpdateAssumeRolePolicy: `document` is the JSON text of the trust policy. */
  updateAssumeRolePolicy(roleName: string, document: string): Promise<void>;
  /** The principal ARN an access entry for these credentials would name (role ARN for an assumed role). */
  callerPrincipalArn(): Promise<string>;
  /** IAM writes of the roles eks-identity owns (`role:` blocks); absent: this gateway cannot write roles. */
  readonly roles?: IamRoleGateway;
}

/** EksWriteGateway over the AWS SDK v3 clients of one cluster session. */
export class SdkEksWriteGateway implements EksWriteGateway {
  private caller: Promise<string> | undefined;

  private readonly clients: AwsClients;

  readonly roles: IamRoleGateway;

  /**
   * Writes are paced per operation (pacer.ts) unless `pacers: false`: a burst of creates then runs
   * at the rate EKS allows instead of into throttling and the SDK's backoff.
   */
  constructor(clients: AwsClients, options: { callerPrincipalArn?: string; pacers?: PacerRegistry | false } = {}) {
    this.clients = options.pacers === false ? clients : pacedClients(clients, options.pacers ?? new PacerRegistry());
    this.roles = new SdkIamRoleGateway(this.clients.iam);
    if (options.callerPrincipalArn !== undefined) this.caller = Promise.resolve(options.callerPrincipalArn);
  }

  async createAssociation(cluster: string, value: AssociationValue, clientRequestToken: string): Promise<LiveAssociation> {
    const answer = await call('CreatePodIdentityAssociation', associationKey(cluster, value.namespace, value.serviceAccount), () =>
      this.clients.eks.send(
        new CreatePodIdentityAssociationCommand({
          clusterName: cluster,
          namespace: value.namespace,
          serviceAccount: value.serviceAccount,
          roleArn: value.roleArn,
          disableSessionTags: value.disableSessionTags,
          clientRequestToken,
          ...(value.targetRoleArn ? { targetRoleArn: value.targetRoleArn } : {}),
          ...(value.policy ? { policy: value.policy } : {}),
          ...(Object.keys(value.tags).length > 0 ? { tags: value.tags } : {}),
        }),
      ),
    );
    return toLiveAssociation(answer.association ?? {}, { associationId: '', namespace: value.namespace, serviceAccount: value.serviceAccount });
  }

  async findAssociation(cluster: string, namespace: string, serviceAccount: string): Promise<LiveAssociation | undefined> {
    const key = associationKey(cluster, namespace, serviceAccount);
    // The list filter narrows to at most one association per (namespace, service account).
    const answer = await call('ListPodIdentityAssociations', key, () =>
      this.clients.eks.send(new ListPodIdentityAssociationsCommand({ clusterName: cluster, namespace, serviceAccount })),
    );
    const summary = (answer.associations ?? []).map(toAssociationSummary).find((s) => s.namespace === namespace && s.serviceAccount === serviceAccount);
    return summary === undefined ? undefined : this.describeAssociation(cluster, summary.associationId);
  }

  async describeAssociation(cluster: string, associationId: string): Promise<LiveAssociation | undefined> {
    const answer = await callOrAbsent('DescribePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () =>
      this.clients.eks.send(new DescribePodIdentityAssociationCommand({ clusterName: cluster, associationId })),
    );
    const a = answer?.association;
    return a === undefined ? undefined : toLiveAssociation(a, { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '' });
  }

  async updateAssociation(cluster: string, associationId: string, fields: AssociationUpdate): Promise<LiveAssociation> {
    const answer = await call('UpdatePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () =>
      this.clients.eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: cluster, associationId, ...fields })),
    );
    const a = answer.association ?? {};
    return toLiveAssociation(a, { associationId, namespace: a.namespace ?? '', serviceAccount: a.serviceAccount ?? '' });
  }

  async deleteAssociation(cluster: string, associationId: string): Promise<DeleteOutcome> {
    const answer = await callOrAbsent('DeletePodIdentityAssociation', `association ${associationId} on cluster ${cluster}`, () =>
      this.clients.eks.send(new DeletePodIdentityAssociationCommand({ clusterName: cluster, associationId })),
    );
    return answer === undefined ? 'absent' : 'deleted';
  }

  async tagResource(resourceArn: string, tags: Record<string, string>): Promise<void> {
    await call('TagResource', `resource ${resourceArn}`, () => this.clients.eks.send(new TagResourceCommand({ resourceArn, tags })));
  }

  async untagResource(resourceArn: string, tagKeys: string[]): Promise<void> {
    await call('UntagResource', `resource ${resourceArn}`, () => this.clients.eks.send(new UntagResourceCommand({ resourceArn, tagKeys })));
  }

  async createAccessEntry(cluster: string, value: AccessEntryValue, clientRequestToken: string): Promise<AccessEntryRecord> {
    const answer = await call('CreateAccessEntry', entryKey(cluster, value.principalArn), () =>
      this.clients.eks.send(
        new CreateAccessEntryCommand({
          clusterName: cluster,
          principalArn: value.principalArn,
          type: value.type,
          clientRequestToken,
          ...(value.kubernetesGroups.length > 0 ? { kubernetesGroups: value.kubernetesGroups } : {}),
          ...(value.username !== undefined ? { username: value.username } : {}),
          ...(Object.keys(value.tags).length > 0 ? { tags: value.tags } : {}),
        }),
      ),
    );
    return entryRecord(toLiveAccessEntry(answer.accessEntry ?? {}, value.principalArn, []));
  }

  async describeAccessEntry(cluster: string, principalArn: string): Promise<AccessEntryRecord | undefined> {
    const answer = await callOrAbsent('DescribeAccessEntry', entryKey(cluster, principalArn), () =>
      this.clients.eks.send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn })),
    );
    return answer?.accessEntry === undefined ? undefined : entryRecord(toLiveAccessEntry(answer.accessEntry, principalArn, []));
  }

  async updateAccessEntry(cluster: string, principalArn: string, fields: AccessEntryUpdate): Promise<AccessEntryRecord> {
    const answer = await call('UpdateAccessEntry', entryKey(cluster, principalArn), () =>
      this.clients.eks.send(new UpdateAccessEntryCommand({ clusterName: cluster, principalArn, ...fields })),
    );
    return entryRecord(toLiveAccessEntry(answer.accessEntry ?? {}, principalArn, []));
  }

  async deleteAccessEntry(cluster: string, principalArn: string): Promise<DeleteOutcome> {
    const answer = await callOrAbsent('DeleteAccessEntry', entryKey(cluster, principalArn), () =>
      this.clients.eks.send(new DeleteAccessEntryCommand({ clusterName: cluster, principalArn })),
    );
    return answer === undefined ? 'absent' : 'deleted';
  }

  async listAccessPolicyArns(cluster: string, principalArn: string): Promise<string[]> {
    const arns: string[] = [];
    const answer = await callOrAbsent('ListAssociatedAccessPolicies', entryKey(cluster, principalArn), async () => {
      for await (const page of paginateListAssociatedAccessPolicies({ client: this.clients.eks, pageSize: 100 }, { clusterName: cluster, principalArn })) {
        arns.push(...(page.associatedAccessPolicies ?? []).map((p) => p.policyArn ?? ''));
      }
      return arns;
    });
    return answer ?? [];
  }

  async associateAccessPolicy(cluster: string, principalArn: string, policyArn: string, scope: AccessScope): Promise<void> {
    const accessScope = scope.type === 'cluster' ? { type: 'cluster' as const } : { type: 'namespace' as const, namespaces: scope.namespaces };
    await call('AssociateAccessPolicy', `${policyArn} for ${entryKey(cluster, principalArn)}`, () =>
      this.clients.eks.send(new AssociateAccessPolicyCommand({ clusterName: cluster, principalArn, policyArn, accessScope })),
    );
  }

  async disassociateAccessPolicy(cluster: string, principalArn: string, policyArn: string): Promise<DeleteOutcome> {
    const answer = await callOrAbsent('DisassociateAccessPolicy', `${policyArn} for ${entryKey(cluster, principalArn)}`, () =>
      this.clients.eks.send(new DisassociateAccessPolicyCommand({ clusterName: cluster, principalArn, policyArn })),
    );
    return answer === undefined ? 'absent' : 'deleted';
  }

  async updateAuthenticationMode(cluster: string, mode: AuthenticationMode, clientRequestToken: string): Promise<{ updateId: string }> {
    const answer = await call('UpdateClusterConfig', `cluster ${cluster}`, () =>
      this.clients.eks.send(new UpdateClusterConfigCommand({ name: cluster, accessConfig: { authenticationMode: mode }, clientRequestToken })),
    );
    return { updateId: answer.update?.id ?? '' };
  }

  async describeUpdate(cluster: string, updateId: string, addonName?: string): Promise<{ status: UpdateStatus; errors: string[] }> {
    const answer = await call('DescribeUpdate', `update ${updateId} of ${addonName !== undefined ? `add-on ${addonName} on ` : ''}cluster ${cluster}`, () =>
      this.clients.eks.send(new DescribeUpdateCommand({ name: cluster, updateId, ...(addonName !== undefined ? { addonName } : {}) })),
    );
    const errors = (answer.update?.errors ?? []).map((e) => [e.errorCode, e.errorMessage].filter(Boolean).join(': '));
    return { status: (answer.update?.status ?? 'InProgress') as UpdateStatus, errors };
  }

  async updateAddonAssociations(cluster: string, addonName: string, associations: ReadonlyArray<{ serviceAccount: string; roleArn: string }>, clientRequestToken: string): Promise<{ updateId: string }> {
    const answer = await call('UpdateAddon', `add-on ${addonName} of cluster ${cluster}`, () =>
      this.clients.eks.send(new UpdateAddonCommand({ clusterName: cluster, addonName, podIdentityAssociations: associations.map((a) => ({ serviceAccount: a.serviceAccount, roleArn: a.roleArn })), clientRequestToken })),
    );
    return { updateId: answer.update?.id ?? '' };
  }

  async updateAssumeRolePolicy(roleName: string, document: string): Promise<void> {
    await call('UpdateAssumeRolePolicy', `role ${roleName}`, () =>
      this.clients.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document })),
    );
  }

  callerPrincipalArn(): Promise<string> {
    if (this.caller === undefined) {
      this.caller = call('GetCallerIdentity', 'the current credentials', () => this.clients.sts.send(new GetCallerIdentityCommand({}))).then((answer) =>
        callerIdentityOf(answer.Arn ?? '', answer.Account ?? '').principalArn,
      );
      // A failed look-up is not cached: the next delete guard asks again.
      this.caller.catch(() => (this.caller = undefined));
    }
    return this.caller;
  }
}

function associationKey(cluster: string, namespace: string, serviceAccount: string): string {
  return `association ${namespace}/${serviceAccount} on cluster ${cluster}`;
}

function entryKey(cluster: string, principalArn: string): string {
  return `access entry ${principalArn} on cluster ${cluster}`;
}

function entryRecord(entry: LiveAccessEntry): AccessEntryRecord {
  const { accessPolicies: _policies, ...record } = entry;
  return record;
}

