import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  type IAMClient,
  type Role,
} from '@aws-sdk/client-iam';
import type { LiveRoleDetail } from '../model/desired-role.js';
import { compare, sortedRecord } from '../model/order.js';
import type { IamRoleValue } from '../model/plan.js';
import { canonicalJson, canonicalJsonText } from './canonical-json.js';
import { callAws as call, callAwsOrAbsent as callOrAbsent } from './errors.js';
import { decodeTrustPolicy } from './live-convert.js';
import type { DeleteOutcome } from './gateway.js';

/**
 * The IAM calls of roles eks-identity owns, reads and writes, in domain terms. "Not found" is an
 * answer (undefined / `absent`); every other failure is an AwsCallError naming the operation and
 * the role. The client is expected to be paced (pacer.ts), as the reader's and writer's are.
 */
export interface IamRoleGateway {
  /** GetRole; with `full`, its attached and inline policies too. undefined: no such role. */
  readRole(roleName: string, full: boolean): Promise<LiveRoleDetail | undefined>;
  /** GetPolicy: whether a managed policy (or boundary) exists. */
  policyExists(policyArn: string): Promise<boolean>;
  /** CreateRole with the trust, path, boundary, duration, description and tags (the owner tag among them) in one call. */
  createRole(value: IamRoleValue): Promise<void>;
  updateTrust(roleName: string, document: string): Promise<void>;
  updateRole(roleName: string, fields: { description: string; maxSessionDuration: number }): Promise<void>;
  putBoundary(roleName: string, policyArn: string): Promise<void>;
  deleteBoundary(roleName: string): Promise<DeleteOutcome>;
  attachPolicy(roleName: string, policyArn: string): Promise<void>;
  detachPolicy(roleName: string, policyArn: string): Promise<DeleteOutcome>;
  putInlinePolicy(roleName: string, policyName: string, document: string): Promise<void>;
  deleteInlinePolicy(roleName: string, policyName: string): Promise<DeleteOutcome>;
  tagRole(roleName: string, tags: Record<string, string>): Promise<void>;
  untagRole(roleName: string, keys: string[]): Promise<void>;
  deleteRole(roleName: string): Promise<DeleteOutcome>;
}

/** IAM pages: Marker/IsTruncated, up to 1,000 items a page. */
const MAX_ITEMS = 1000;

export class SdkIamRoleGateway implements IamRoleGateway {
  constructor(private readonly iam: IAMClient) {}

  async readRole(roleName: string, full: boolean): Promise<LiveRoleDetail | undefined> {
    const key = `role ${roleName}`;
    const answer = await callOrAbsent('GetRole', key, () => this.iam.send(new GetRoleCommand({ RoleName: roleName })));
    if (!answer?.Role) return undefined;
    const base = toRoleDetail(answer.Role);
    if (!full) return base;
    const [managed, inline] = await Promise.all([this.listAttached(roleName), this.readInline(roleName)]);
    // The role vanished between the calls: absent, like any object deleted mid-read.
    if (managed === undefined || inline === undefined) return undefined;
    return { ...base, managedPolicyArns: managed, inlinePolicies: inline };
  }

  async policyExists(policyArn: string): Promise<boolean> {
    const answer = await callOrAbsent('GetPolicy', `policy ${policyArn}`, () => this.iam.send(new GetPolicyCommand({ PolicyArn: policyArn })));
    return answer !== undefined;
  }

  private listAttached(roleName: string): Promise<string[] | undefined> {
    return callOrAbsent('ListAttachedRolePolicies', `role ${roleName}`, async () => {
      const arns: string[] = [];
      let marker: string | undefined;
      do {
        const page = await this.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, MaxItems: MAX_ITEMS, ...(marker ? { Marker: marker } : {}) }));
        arns.push(...(page.AttachedPolicies ?? []).flatMap((p) => (p.PolicyArn ? [p.PolicyArn] : [])));
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
      return [...new Set(arns)].sort(compare);
    });
  }

  private readInline(roleName: string): Promise<Record<string, string> | undefined> {
    return callOrAbsent('ListRolePolicies', `role ${roleName}`, async () => {
      const names: string[] = [];
      let marker: string | undefined;
      do {
        const page = await this.iam.send(new ListRolePoliciesCommand({ RoleName: roleName, MaxItems: MAX_ITEMS, ...(marker ? { Marker: marker } : {}) }));
        names.push(...(page.PolicyNames ?? []));
        marker = page.IsTruncated ? page.Marker : undefined;
      } while (marker);
      const docs: Array<[string, string]> = [];
      for (const name of [...new Set(names)].sort(compare)) {
        const doc = await this.iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: name }));
        // IAM returns policy documents URL-encoded (RFC 3986).
        docs.push([name, canonicalJsonText(decodeURIComponent(doc.PolicyDocument ?? ''))]);
      }
      return Object.fromEntries(docs);
    });
  }

  async createRole(value: IamRoleValue): Promise<void> {
    const tags = Object.entries(value.tags).map(([Key, Value]) => ({ Key, Value }));
    await call('CreateRole', `role ${value.roleName}`, () =>
      this.iam.send(
        new CreateRoleCommand({
          RoleName: value.roleName,
          Path: value.path,
          AssumeRolePolicyDocument: value.trustPolicy,
          MaxSessionDuration: value.maxSessionDuration,
          ...(value.description !== undefined ? { Description: value.description } : {}),
          ...(value.permissionsBoundary !== undefined ? { PermissionsBoundary: value.permissionsBoundary } : {}),
          ...(tags.length > 0 ? { Tags: tags } : {}),
        }),
      ),
    );
  }

  async updateTrust(roleName: string, document: string): Promise<void> {
    await call('UpdateAssumeRolePolicy', `role ${roleName}`, () => this.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: roleName, PolicyDocument: document })));
  }

  async updateRole(roleName: string, fields: { description: string; maxSessionDuration: number }): Promise<void> {
    await call('UpdateRole', `role ${roleName}`, () =>
      this.iam.send(new UpdateRoleCommand({ RoleName: roleName, Description: fields.description, MaxSessionDuration: fields.maxSessionDuration })),
    );
  }

  async putBoundary(roleName: string, policyArn: string): Promise<void> {
    await call('PutRolePermissionsBoundary', `role ${roleName}`, () => this.iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: roleName, PermissionsBoundary: policyArn })));
  }

  async deleteBoundary(roleName: string): Promise<DeleteOutcome> {
    return outcome(await callOrAbsent('DeleteRolePermissionsBoundary', `role ${roleName}`, () => this.iam.send(new DeleteRolePermissionsBoundaryCommand({ RoleName: roleName }))));
  }

  async attachPolicy(roleName: string, policyArn: string): Promise<void> {
    await call('AttachRolePolicy', `${policyArn} on role ${roleName}`, () => this.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn })));
  }

  async detachPolicy(roleName: string, policyArn: string): Promise<DeleteOutcome> {
    return outcome(await callOrAbsent('DetachRolePolicy', `${policyArn} on role ${roleName}`, () => this.iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }))));
  }

  async putInlinePolicy(roleName: string, policyName: string, document: string): Promise<void> {
    await call('PutRolePolicy', `inline policy ${policyName} of role ${roleName}`, () => this.iam.send(new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document })));
  }

  async deleteInlinePolicy(roleName: string, policyName: string): Promise<DeleteOutcome> {
    return outcome(await callOrAbsent('DeleteRolePolicy', `inline policy ${policyName} of role ${roleName}`, () => this.iam.send(new DeleteRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }))));
  }

  async tagRole(roleName: string, tags: Record<string, string>): Promise<void> {
    await call('TagRole', `role ${roleName}`, () => this.iam.send(new TagRoleCommand({ RoleName: roleName, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) })));
  }

  async untagRole(roleName: string, keys: string[]): Promise<void> {
    await call('UntagRole', `role ${roleName}`, () => this.iam.send(new UntagRoleCommand({ RoleName: roleName, TagKeys: keys })));
  }

  async deleteRole(roleName: string): Promise<DeleteOutcome> {
    return outcome(await callOrAbsent('DeleteRole', `role ${roleName}`, () => this.iam.send(new DeleteRoleCommand({ RoleName: roleName }))));
  }
}

function outcome(answer: unknown): DeleteOutcome {
  return answer === undefined ? 'absent' : 'deleted';
}

/** GetRole's answer as the role diff sees it: trust decoded and canonical, tags sorted. */
export function toRoleDetail(role: Role): LiveRoleDetail {
  return {
    arn: role.Arn ?? '',
    roleName: role.RoleName ?? '',
    path: role.Path ?? '/',
    roleId: role.RoleId ?? '',
    createDate: role.CreateDate instanceof Date ? role.CreateDate.toISOString() : String(role.CreateDate ?? ''),
    trustPolicy: canonicalJson(decodeTrustPolicy(role.AssumeRolePolicyDocument) ?? null),
    ...(role.Description ? { description: role.Description } : {}),
    maxSessionDuration: role.MaxSessionDuration ?? 3600,
    ...(role.PermissionsBoundary?.PermissionsBoundaryArn ? { permissionsBoundary: role.PermissionsBoundary.PermissionsBoundaryArn } : {}),
    tags: sortedRecord(Object.fromEntries((role.Tags ?? []).map((t) => [t.Key ?? '', t.Value ?? '']))),
  };
}
