import type { V1ConfigMap } from '@kubernetes/client-node';
import { show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';

/** configMapData: some line of ConfigMap `name`'s data[key] matches the regular expression. Failures are final (a ConfigMap's data is the learner's alone). */
export function configMapData(check: CheckOf<'configMapData'>, ctx: CheckContext): Outcome {
  const pattern = new RegExp(check.matches);
  const subject = `ConfigMap ${check.name}`;
  const at = { kind: 'ConfigMap', name: check.name, path: `data.${check.key}` };
  const cm: V1ConfigMap | undefined = ctx.snapshot.configMaps.find((c) => c.metadata?.name === check.name);
  if (!cm) return finalFail(`${subject} not found in namespace ${ctx.snapshot.namespace}: expected data.${check.key} with a line matching /${check.matches}/`, { kind: 'ConfigMap', name: check.name });
  const value = cm.data?.[check.key];
  if (value === undefined) return finalFail(`${subject} data.${check.key}: expected a line matching /${check.matches}/, saw no such key (keys ${show(Object.keys(cm.data ?? {}))})`, at);
  const lines = value.split(/\r?\n/);
  const hit = lines.find((line) => pattern.test(line));
  if (hit === undefined) return finalFail(`${subject} data.${check.key}: expected a line matching /${check.matches}/, saw ${show(lines.slice(0, 3))}`, at);
  return pass(`${subject} data.${check.key} has a line matching /${check.matches}/: ${show(hit)}`);
}
