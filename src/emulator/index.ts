/** Loopback EKS + IAM + STS emulator: public entry points. */
import { EKS_OPERATIONS } from './eks-routes.js';
import { QUERY_OPERATIONS } from './query-routes.js';
export type {
  EmulatorState,
  EmulatorOptions,
  EmulatorHandle,
  EmulatorInspection,
  FaultOptions,
  ClusterState,
  RoleState,
  PolicyState,
  UserState,
  AddonState,
  AssociationState,
  AccessEntryState,
  AccessPolicyState,
  IdentityState,
  UpdateState,
  AuthenticationMode,
} from './types.js';
export { startEmulator } from './server.js';
export { loadEmulatorState, parseEmulatorState } from './state-file.js';
/** The operations the emulator answers, e.g. for checking fault options that name them. */
export const EMULATED_OPERATIONS: readonly string[] = [...EKS_OPERATIONS, ...QUERY_OPERATIONS];
