/** The planner and plan renderer the migration commands use. */
import { computePlan } from '../plan/index.js';
import { renderPlan } from '../render/index.js';
import type { MigrationCliDeps } from './cli-output.js';
import type { PlanFunction } from './irsa-flow.js';

export interface MigrationCommandDeps extends MigrationCliDeps {
  computePlan: PlanFunction;
}

export const defaultMigrationDeps: MigrationCommandDeps = {
  computePlan: (desired, live) => computePlan(desired, live),
  renderPlanText: (plan) => renderPlan(plan, 'text'),
};
