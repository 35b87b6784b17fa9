import { loadAll } from '../scenario/load.ts';
import type { Scenario } from '../scenario/types.ts';
import { UsageError } from './errors.ts';

/** Every scenario, loaded and validated (a broken one throws ScenarioError: exit 2). */
export function allScenarios(): Promise<Scenario[]> {
  return loadAll();
}

/** One scenario by id, or a usage error listing the ids. */
export async function findScenario(id: string): Promise<Scenario> {
  const scenarios = await allScenarios();
  const scenario = scenarios.find((s) => s.id === id);
  if (!scenario) {
    throw new UsageError(`unknown scenario "${id}"`, { fix: `pick one of: ${scenarios.map((s) => s.id).join(', ')} (kubedrill list)` });
  }
  return scenario;
}

/** The brief as the learner reads it, with the attempt's namespace where the scenario's own stands. */
export function renderBrief(scenario: Scenario, namespace: string): string {
  if (namespace === scenario.namespace) return scenario.brief.trim();
  return scenario.brief.trim().replace(new RegExp(`\\b${scenario.namespace}\\b`, 'g'), namespace);
}
