/**
 * The planner and plan renderer the migration commands use by default. Until the planner module
 * is part of the build, online migrations stop with MIGRATION_NO_PLANNER; offline ones work.
 */
import { EksIdentityError } from '../errors.js';
import type { MigrationCliDeps } from './cli-output.js';
import type { PlanFunction } from './irsa-flow.js';

export interface MigrationCommandDeps extends MigrationCliDeps {
  computePlan: PlanFunction;
}

export const defaultMigrationDeps: MigrationCommandDeps = {
  computePlan: () => {
    throw new EksIdentityError('MIGRATION_NO_PLANNER', 'planning is not available in this build; use --offline (migrate-aws-auth) or the library with a computePlan function', { source: 'internal' });
  },
  renderPlanText: (plan) => JSON.stringify(plan, null, 2),
};
