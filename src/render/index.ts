import type { Plan } from '../model/plan.js';
import { DEFAULT_MARKDOWN_MAX_LENGTH, renderPlanMarkdown, type MarkdownOptions } from './markdown.js';
import { renderPlanText } from './text.js';

export type PlanFormat = 'text' | 'markdown' | 'json';

export interface RenderOptions extends MarkdownOptions {
  /** ANSI colour in text output. */
  color?: boolean;
}

/** Renders a plan for people (text, Markdown) or machines (JSON: the documented Plan object). */
export function renderPlan(plan: Plan, format: PlanFormat, options: RenderOptions = {}): string {
  if (format === 'json') return JSON.stringify(plan, null, 2);
  if (format === 'markdown') return renderPlanMarkdown(plan, options);
  return renderPlanText(plan, options.color === undefined ? {} : { color: options.color });
}

export { renderPlanMarkdown, renderPlanText, DEFAULT_MARKDOWN_MAX_LENGTH };
export { escapeMarkdownText, escapeCode } from './escape.js';
export type { MarkdownOptions };
