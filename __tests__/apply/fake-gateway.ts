import type { AccessEntryRecord, AccessEntryUpdate, AssociationUpdate, DeleteOutcome, EksWriteGateway, UpdateStatus } from '../../src/aws/gateway.js';
import { describeAwsError } from '../../src/aws/errors.js';
import type { AccessScope, AuthenticationMode } from '../../src/model/desired.js';
import type { LiveAssociation } from '../../src/model/live.js';
import type { AccessEntryValue, AssociationValue } from '../../src/model/plan.js';

/** One recorded gateway call. */
export interface FakeCall {
  op: string;
  key: string;
  token?: string;
}

/** A scripted answer: return an error to fail this call, undefined to let it run. */
export type FaultHook = (call: FakeCall, attempt: number) => unknown;

/** A failure shaped as the SDK would throw it, wrapped as the real gateway does. */
export function awsError(op: string, name: string, status: number, message = name): Error {
  return describeAwsError(op, 'fake', Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: 'req-1' } }));
}

/**
 * An in-memory EKS for one cluster implementing EksWriteGateway with EKS's rules that matter to
 * apply: 409 on duplicates, 404 on absent objects, idempotent creates by token, add-on owned
 * associations refused, roles that stay invisible to EKS until a given time.
 */
export class FakeEks implements EksWriteGateway {
  readonly associations = new Map<string, LiveAssociation>();
  readonly entries = new Map<string, AccessEntryRecord & { policies: Map<string, AccessScope> }>();
  readonly trustPolicies = new Map<string, string>();
  authenticationMode: AuthenticationMode = 'API_AND_CONFIG_MAP';
  readonly calls: FakeCall[] = [];
  /** Role ARN → clock time before which EKS does not see the role. */
  readonly invisibleUntil = new Map<string, number>();
  caller = 'arn:aws:iam::111122223333:role/Deploy';
  fault: FaultHook = () => undefined;
  inFlight = 0;
  maxInFlight = 0;
  private nextId = 1;
  private readonly tokens = new Map<string, string>();
  private readonly attempts = new Map<string, number>();

  constructor(
    readonly name: string,
    private readonly now: () => number = () => 0,
  ) {}

  private async enter(op: string, key: string, token?: string): Promise<void> {
    const call: FakeCall = token === undefined ? { op, key } : { op, key, token };
    this.calls.push(call);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // Yield a few turns so concurrent calls overlap as they would over a network.
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    } finally {
      this.inFlight--;
    }
    const n = (this.attempts.get(`${op} ${key}`) ?? 0) + 1;
    this.attempts.set(`${op} ${key}`, n);
    const injected = this.fault(call, n);
    if (injected !== undefined) throw injected;
  }

  writeCalls(): FakeCall[] {
    return this.calls.filter((c) => !/^(Describe|List|Find|GetCaller)/.test(c.op));
  }

  addAssociation(value: Omit<AssociationValue, 'associationId'> & { ownerArn?: string }): LiveAssociation {
    const id = `a-${this.nextId++}`;
    const a: LiveAssociation = { ...value, associationId: id, associationArn: `arn:aws:eks:us-east-1:111122223333:podidentityassociation/${this.name}/${id}` };
    this.associations.set(id, a);
    return a;
  }

  addEntry(value: AccessEntryValue, policies: Record<string, AccessScope> = {}): void {
    this.entries.set(value.principalArn, {
      ...value,
      kubernetesGroups: [...value.kubernetesGroups],
      tags: { ...value.tags },
      accessEntryArn: `arn:aws:eks:us-east-1:111122223333:access-entry/${this.name}/${encodeURIComponent(value.principalArn)}`,
      policies: new Map(Object.entries(policies)),
    });
  }

  private checkRole(op: string, roleArn: string): void {
    const until = this.invisibleUntil.get(roleArn);
    if (until !== undefined && this.now() < until) throw awsError(op, 'InvalidParameterException', 400, `Role provided in the request does not exist: ${roleArn}`);
  }

  async createAssociation(cluster: string, value: AssociationValue, token: string): Promise<LiveAssociation> {
    await this.enter('CreatePodIdentityAssociation', `${value.namespace}/${value.serviceAccount}`, token);
    const earlier = this.tokens.get(token);
    if (earlier && this.associations.has(earlier)) return { ...this.associations.get(earlier)! };
    if ([...this.associations.values()].some((a) => a.namespace === value.namespace && a.serviceAccount === value.serviceAccount)) {
      throw awsError('CreatePodIdentityAssociation', 'ResourceInUseException', 409, 'Association already exists');
    }
    this.checkRole('CreatePodIdentityAssociation', value.roleArn);
    const { associationId: _id, ownerArn: _owner, ...rest } = value;
    const created = this.addAssociation({ ...rest, tags: { ...value.tags } });
    this.tokens.set(token, created.associationId);
    return { ...created };
  }

  async findAssociation(cluster: string, namespace: string, serviceAccount: string): Promise<LiveAssociation | undefined> {
    await this.enter('ListPodIdentityAssociations', `${namespace}/${serviceAccount}`);
    const found = [...this.associations.values()].find((a) => a.namespace === namespace && a.serviceAccount === serviceAccount);
    return found && { ...found, tags: { ...found.tags } };
  }

  async describeAssociation(cluster: string, id: string): Promise<LiveAssociation | undefined> {
    await this.enter('DescribePodIdentityAssociation', id);
    const found = this.associations.get(id);
    return found && { ...found, tags: { ...found.tags } };
  }

  async updateAssociation(cluster: string, id: string, fields: AssociationUpdate): Promise<LiveAssociation> {
    await this.enter('UpdatePodIdentityAssociation', id);
    const a = this.associations.get(id);
    if (!a) throw awsError('UpdatePodIdentityAssociation', 'ResourceNotFoundException', 404);
    if (a.ownerArn) throw awsError('UpdatePodIdentityAssociation', 'InvalidRequestException', 400, 'owned by an add-on');
    if (fields.roleArn !== undefined) {
      this.checkRole('UpdatePodIdentityAssociation', fields.roleArn);
      a.roleArn = fields.roleArn;
    }
    if (fields.targetRoleArn === '') delete a.targetRoleArn;
    else if (fields.targetRoleArn !== undefined) a.targetRoleArn = fields.targetRoleArn;
    if (fields.disableSessionTags !== undefined) a.disableSessionTags = fields.disableSessionTags;
    if (fields.policy === '') delete a.policy;
    else if (fields.policy !== undefined) a.policy = fields.policy;
    return { ...a };
  }

  async deleteAssociation(cluster: string, id: string): Promise<DeleteOutcome> {
    await this.enter('DeletePodIdentityAssociation', id);
    const a = this.associations.get(id);
    if (!a) return 'absent';
    if (a.ownerArn) throw awsError('DeletePodIdentityAssociation', 'InvalidRequestException', 400, 'owned by an add-on');
    this.associations.delete(id);
    return 'deleted';
  }

  private byArn(arn: string): { tags: Record<string, string> } {
    const hit = [...this.associations.values()].find((a) => a.associationArn === arn) ?? [...this.entries.values()].find((e) => e.accessEntryArn === arn);
    if (!hit) throw awsError('TagResource', 'NotFoundException', 404);
    return hit;
  }

  async tagResource(arn: string, tags: Record<string, string>): Promise<void> {
    await this.enter('TagResource', arn);
    const hit = this.byArn(arn);
    hit.tags = { ...hit.tags, ...tags };
  }

  async untagResource(arn: string, keys: string[]): Promise<void> {
    await this.enter('UntagResource', arn);
    const hit = this.byArn(arn);
    hit.tags = Object.fromEntries(Object.entries(hit.tags).filter(([k]) => !keys.includes(k)));
  }

  async createAccessEntry(cluster: string, value: AccessEntryValue, token: string): Promise<AccessEntryRecord> {
    await this.enter('CreateAccessEntry', value.principalArn, token);
    const existing = this.entries.get(value.principalArn);
    if (existing && this.tokens.get(token) === value.principalArn) return this.record(existing);
    if (existing) throw awsError('CreateAccessEntry', 'ResourceInUseException', 409, 'The specified access entry resource is already in use on this cluster.');
    this.checkRole('CreateAccessEntry', value.principalArn);
    this.addEntry(value);
    this.tokens.set(token, value.principalArn);
    return this.record(this.entries.get(value.principalArn)!);
  }

  private record(e: AccessEntryRecord & { policies?: unknown }): AccessEntryRecord {
    const { policies: _p, ...rest } = e;
    return { ...rest, kubernetesGroups: [...e.kubernetesGroups], tags: { ...e.tags } };
  }

  async describeAccessEntry(cluster: string, principalArn: string): Promise<AccessEntryRecord | undefined> {
    await this.enter('DescribeAccessEntry', principalArn);
    const e = this.entries.get(principalArn);
    return e && this.record(e);
  }

  async updateAccessEntry(cluster: string, principalArn: string, fields: AccessEntryUpdate): Promise<AccessEntryRecord> {
    await this.enter('UpdateAccessEntry', principalArn);
    const e = this.entries.get(principalArn);
    if (!e) throw awsError('UpdateAccessEntry', 'ResourceNotFoundException', 404);
    if (fields.kubernetesGroups) e.kubernetesGroups = [...fields.kubernetesGroups];
    if (fields.username !== undefined) e.username = fields.username;
    return this.record(e);
  }

  async deleteAccessEntry(cluster: string, principalArn: string): Promise<DeleteOutcome> {
    await this.enter('DeleteAccessEntry', principalArn);
    return this.entries.delete(principalArn) ? 'deleted' : 'absent';
  }

  async listAccessPolicyArns(cluster: string, principalArn: string): Promise<string[]> {
    await this.enter('ListAssociatedAccessPolicies', principalArn);
    return [...(this.entries.get(principalArn)?.policies.keys() ?? [])];
  }

  async associateAccessPolicy(cluster: string, principalArn: string, policyArn: string, scope: AccessScope): Promise<void> {
    await this.enter('AssociateAccessPolicy', `${principalArn} ${policyArn}`);
    const e = this.entries.get(principalArn);
    if (!e) throw awsError('AssociateAccessPolicy', 'ResourceNotFoundException', 404);
    e.policies.set(policyArn, scope);
  }

  async disassociateAccessPolicy(cluster: string, principalArn: string, policyArn: string): Promise<DeleteOutcome> {
    await this.enter('DisassociateAccessPolicy', `${principalArn} ${policyArn}`);
    const e = this.entries.get(principalArn);
    return e?.policies.delete(policyArn) ? 'deleted' : 'absent';
  }

  async updateAuthenticationMode(cluster: string, mode: AuthenticationMode, token: string): Promise<{ updateId: string }> {
    await this.enter('UpdateClusterConfig', mode, token);
    this.authenticationMode = mode;
    return { updateId: `u-${mode}` };
  }

  updateStatuses: UpdateStatus[] = ['InProgress', 'Successful'];

  async describeUpdate(cluster: string, updateId: string, addonName?: string): Promise<{ status: UpdateStatus; errors: string[] }> {
    await this.enter('DescribeUpdate', addonName === undefined ? updateId : `${addonName} ${updateId}`);
    const status = this.updateStatuses.shift() ?? 'Successful';
    return { status, errors: status === 'Failed' ? this.updateErrors : [] };
  }

  /** Errors a Failed update reports. */
  updateErrors: string[] = [];
  /** Add-on name → the association list its last UpdateAddon carried. */
  readonly addonLists = new Map<string, Array<{ serviceAccount: string; roleArn: string }>>();

  async updateAddonAssociations(cluster: string, addonName: string, associations: ReadonlyArray<{ serviceAccount: string; roleArn: string }>, token: string): Promise<{ updateId: string }> {
    await this.enter('UpdateAddon', addonName, token);
    this.addonLists.set(addonName, associations.map((a) => ({ ...a })));
    return { updateId: `u-${addonName}` };
  }

  async updateAssumeRolePolicy(roleName: string, document: string): Promise<void> {
    await this.enter('UpdateAssumeRolePolicy', roleName);
    this.trustPolicies.set(roleName, document);
  }

  async callerPrincipalArn(): Promise<string> {
    await this.enter('GetCallerIdentity', '');
    return this.caller;
  }
}

/** A clock whose sleep advances time at once, recording each sleep. */
export function fakeClock(start = 1_000_000): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}
