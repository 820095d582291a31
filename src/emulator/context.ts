/** What a handler gets for one request: the world, who is calling, where, and when. */
import type { Partition } from '../model/partition.js';
import type { IdFactory } from './random.js';
import type { FaultOptions } from './types.js';
import type { World } from './world.js';

export interface Caller {
  accessKeyId: string;
  /** As stored (user, role or assumed-role ARN), rewritten into the request's partition. */
  arn: string;
  accountId: string;
}

export interface RequestContext {
  world: World;
  ids: IdFactory;
  /** Epoch ms of this request. */
  now: number;
  region: string;
  partition: Partition;
  caller: Caller;
  faults: FaultOptions;
}

/** EKS restJson1 request after routing. */
export interface EksRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

export type EksHandler = (ctx: RequestContext, req: EksRequest) => unknown;

/** awsQuery request: the flat form parameters. */
export type QueryHandler = (ctx: RequestContext, params: URLSearchParams) => import('./xml.js').XmlNode;
