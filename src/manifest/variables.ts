/** `${name}` variables that expand in ARNs. */
export const VARIABLES = ['partition', 'accountId', 'region', 'cluster'] as const;
export type VariableName = (typeof VARIABLES)[number];

const VARIABLE_RE = /\$\{([^}]*)\}/g;

/** Names used in `text` that are not known variables. */
export function unknownVariables(text: string): string[] {
  return [...text.matchAll(VARIABLE_RE)].map((m) => m[1]!).filter((name) => !(VARIABLES as readonly string[]).includes(name));
}

/** Replaces known variables whose value is given; others stay as written. */
export function expandVariables(text: string, values: Partial<Record<VariableName, string>>): string {
  return text.replace(VARIABLE_RE, (whole, name: string) => values[name as VariableName] ?? whole);
}
