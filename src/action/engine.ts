import type { Plan } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';

/**
 * What the action needs from the engine, in its own terms. main.ts plugs in the real engine
 * (default-engine.ts); tests plug in plain objects, so the GitHub side is tested on its own.
 */
export interface ActionEngine {
  /** Loads the manifest, reads AWS and computes the plan. Invalid manifests throw a ManifestInvalid-like error (see `diagnosticsOf`). */
  plan(request: EngineRequest): Promise<Plan>;
  /** Plans, and returns a handle that applies exactly that plan when asked. */
  prepareApply(request: EngineRequest): Promise<PreparedApply>;
  /** migrate-irsa, migrate-aws-auth and export: a manifest to propose in a pull request. */
  migrate(request: MigrationRequest): Promise<MigrationOutcome>;
  /** The Markdown plan renderer; `maxLength` truncates cleanly and points to the job summary. */
  renderPlanMarkdown(plan: Plan, options: { title: string; maxLength?: number }): string;
  /** Escapes user-provided text for Markdown. */
  escapeMarkdown(text: string): string;
  /**
   * Whether the AWS SDK's default credential chain yields credentials (instance or container
   * role, shared config files…), asked when no credential variable is set. Never throws.
   */
  findCredentials(): Promise<boolean>;
}

export interface EngineRequest {
  /** Manifest file, directory or glob. */
  manifest: string;
  cwd: string;
  clusters: string[];
  prune?: boolean;
  maxDeletes?: number;
  allowLockout: boolean;
}

export interface PreparedApply {
  plan: Plan;
  execute(): Promise<ApplyOutcome>;
  /** Releases the AWS sessions, whether or not `execute` ran. */
  dispose(): void;
}

export interface ApplyOutcome {
  /** The rendered apply report (Markdown, user text escaped). */
  markdown: string;
  applied: number;
  failed: number;
  skipped: number;
}

export interface MigrationRequest extends EngineRequest {
  mode: 'migrate-irsa' | 'migrate-aws-auth' | 'export';
  /** aws-auth ConfigMap file (migrate-aws-auth). */
  configmap?: string;
  /** Repository-relative directory for the proposed manifests. */
  directory: string;
}

export interface MigrationOutcome {
  /** Manifest v1 files to commit (one per cluster), repository-relative paths. */
  files: Array<{ path: string; content: string }>;
  /** Markdown for the pull request body: what was found, what could not be converted, the plan. */
  descriptionMarkdown: string;
  plan?: Plan;
}

/** A manifest problem with its location, as the manifest loader reports it. */
export interface ManifestProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  fix?: string;
  location: SourceLocation;
}

/** The diagnostics an invalid-manifest error carries, or undefined for any other error. */
export function diagnosticsOf(error: unknown): ManifestProblem[] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, diagnostics } = error as { code?: unknown; diagnostics?: unknown };
  if (code !== 'MANIFEST_INVALID' || !Array.isArray(diagnostics)) return undefined;
  return diagnostics as ManifestProblem[];
}
