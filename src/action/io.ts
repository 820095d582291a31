/**
 * Everything the action says to the runner: log lines, annotations, outputs, the job summary.
 * main.ts implements it with @actions/core; tests use a plain recording object.
 */
export interface AnnotationProperties {
  title?: string;
  /** Repository-relative path. */
  file?: string;
  startLine?: number;
  startColumn?: number;
}

export interface ActionIo {
  info(message: string): void;
  notice(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
  error(message: string, properties?: AnnotationProperties): void;
  setOutput(name: string, value: string): void;
  /** Marks the step failed (exit code 1) with a message. */
  setFailed(message: string): void;
  /** Masks a value in every later log line. */
  setSecret(value: string): void;
  /** Appends Markdown to the job summary. */
  appendSummary(markdown: string): Promise<void>;
  /** Runs `body` with its log lines folded under `name` in the job log. */
  group<T>(name: string, body: () => Promise<T>): Promise<T>;
}
