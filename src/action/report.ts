import { isAbsolute, relative } from 'node:path';
import type { Finding, Plan } from '../model/plan.js';
import type { SourceLocation } from '../model/source.js';
import { GITHUB_BODY_LIMIT } from '../github/constants.js';
import { Outputs } from './constants.js';
import type { ActionIo, AnnotationProperties } from './io.js';

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

/** Counts of a plan as the action's outputs (strings, as GitHub stores them). */
export function planOutputs(plan: Plan): Record<string, string> {
  const s = plan.summary;
  const changes = s.create + s.update + s.replace + s.delete;
  return {
    [Outputs.hasChanges]: String(changes > 0),
    [Outputs.creates]: String(s.create),
    [Outputs.updates]: String(s.update),
    [Outputs.replaces]: String(s.replace),
    [Outputs.deletes]: String(s.delete),
    [Outputs.errors]: String(s.errors),
    [Outputs.fingerprint]: plan.fingerprint,
  };
}

export function hasChanges(plan: Plan): boolean {
  const s = plan.summary;
  return s.create + s.update + s.replace + s.delete > 0;
}

/** Annotation properties for a location: paths made relative to the workspace so GitHub places them. */
export function annotationAt(location: SourceLocation | undefined, workspace: string, title: string): AnnotationProperties {
  if (!location) return { title };
  const file = isAbsolute(location.file) ? relative(workspace, location.file) : location.file;
  return { title, file: file.split('\\').join('/'), startLine: location.line, startColumn: location.column };
}

/** Manifest diagnostics → annotations on the manifest lines. Returns the number of errors. */
export function annotateDiagnostics(io: ActionIo, diagnostics: ManifestProblem[], workspace: string): number {
  let errors = 0;
  for (const d of diagnostics) {
    const text = d.fix ? `${d.message}\nFix: ${d.fix}` : d.message;
    const props = annotationAt(d.location, workspace, `eks-identity ${d.code}`);
    if (d.severity === 'error') {
      errors += 1;
      io.error(text, props);
    } else {
      io.warning(text, props);
    }
  }
  return errors;
}

/** Plan findings → annotations (errors and warnings; info stays in the plan text). */
export function annotateFindings(io: ActionIo, plan: Plan, workspace: string): void {
  for (const cluster of plan.clusters) {
    for (const f of cluster.findings) {
      if (f.severity === 'info') continue;
      const props = annotationAt(f.source, workspace, `eks-identity ${f.code} (${cluster.name})`);
      const text = findingText(f);
      if (f.severity === 'error') io.error(text, props);
      else io.warning(text, props);
    }
  }
}

function findingText(f: Finding): string {
  const key = f.key ? `${f.key}: ` : '';
  return f.fix ? `${key}${f.message}\nFix: ${f.fix}` : `${key}${f.message}`;
}

/**
 * Last line of defence for GitHub's body limit: the renderer already truncates cleanly, this only
 * guarantees the API never rejects the body.
 */
export function fitBody(body: string, note: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body;
  const tail = `\n\n${note}\n`;
  return body.slice(0, Math.max(0, limit - tail.length)) + tail;
}

/** Markdown list of manifest problems for the comment and the summary (user text escaped). */
export function renderDiagnosticsMarkdown(diagnostics: ManifestProblem[], escape: (text: string) => string, workspace: string): string {
  const lines = diagnostics.map((d) => {
    const where = annotationAt(d.location, workspace, '');
    const loc = where.file ? `${escape(`${where.file}:${where.startLine}:${where.startColumn}`)} ` : '';
    const fix = d.fix ? `<br>Fix: ${escape(d.fix)}` : '';
    return `- ${d.severity === 'error' ? '❌' : '⚠️'} ${loc}**${escape(d.code)}**: ${escape(d.message)}${fix}`;
  });
  return lines.join('\n');
}
