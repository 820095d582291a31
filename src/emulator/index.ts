/** Loopback EKS + IAM + STS emulator: public entry points. */
export type {
  EmulatorState,
  EmulatorOptions,
  EmulatorHandle,
  EmulatorInspection,
  FaultOptions,
  ClusterState,
  RoleState,
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
