import { show } from '../format.ts';
import { finalFail, pass } from '../outcome.ts';
import type { CheckOf, Outcome } from '../outcome.ts';
import type { CheckContext } from '../types.ts';

/** secretData: some line of Secret `name`'s decoded data[key] matches the regular expression. Failures are final (a Secret's data is the learner's alone). Never prints the value. */
export function secretData(check: CheckOf<'secretData'>, ctx: CheckContext): Outcome {
  const pattern = new RegExp(check.matches);
  const subject = `Secret ${check.name}`;
  const at = { kind: 'Secret', name: check.name, path: `data.${check.key}` };
  const secret = (ctx.snapshot.secrets ?? []).find((s) => s.metadata?.name === check.name);
  if (!secret) return finalFail(`${subject} not found in namespace ${ctx.snapshot.namespace}: expected data.${check.key} with a line matching /${check.matches}/`, { kind: 'Secret', name: check.name });
  const encoded = secret.data?.[check.key];
  if (encoded === undefined) return finalFail(`${subject} data.${check.key}: expected a line matching /${check.matches}/, saw no such key (keys ${show(Object.keys(secret.data ?? {}))})`, at);
  const lines = Buffer.from(encoded, 'base64').toString('utf8').split(/\r?\n/);
  if (!lines.some((line) => pattern.test(line))) return finalFail(`${subject} data.${check.key}: expected a line matching /${check.matches}/, saw ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}, none matching (the value is not shown)`, at);
  return pass(`${subject} data.${check.key} has a line matching /${check.matches}/`);
}
