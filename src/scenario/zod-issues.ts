import type { z } from 'zod';
import { fieldPathOf, showValue, type ScenarioProblem } from './errors.ts';
import { valueAt } from './values.ts';
import type { YamlDoc } from './yaml-source.ts';

type Issue = z.core.$ZodIssue;

/**
 * Turns zod's issues into problems that name the field, what was expected and
 * what the file says: `checks[2].replicas: expected a number, saw "two"`.
 */
export function problemsFromIssues(issues: readonly Issue[], file: string, doc: YamlDoc): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  for (const issue of issues) collect(issue, [], doc, (path, detail) => {
    const line = doc.lineOf(path);
    problems.push({ file, fieldPath: fieldPathOf(path), detail, ...(line === undefined ? {} : { line }) });
  });
  return problems;
}

type Emit = (path: PropertyKey[], detail: string) => void;

function collect(issue: Issue, base: PropertyKey[], doc: YamlDoc, emit: Emit): void {
  const path = [...base, ...issue.path];
  const seen = valueAt(doc.value, path);
  switch (issue.code) {
    case 'invalid_type':
      emit(path, seen === undefined ? `required: ${article(issue.expected)}` : `expected ${article(issue.expected)}, saw ${showValue(seen)}`);
      return;
    case 'invalid_value':
      emit(path, `expected ${issue.values.length === 1 ? showValue(issue.values[0]) : `one of ${issue.values.map((v) => showValue(v)).join(', ')}`}, saw ${showValue(seen)}`);
      return;
    case 'invalid_format': {
      const wanted = issue.format === 'starts_with' && 'prefix' in issue ? `a string starting with ${showValue(issue.prefix)}` : ownMessage(issue.message, `a ${issue.format}`);
      emit(path, `expected ${wanted}, saw ${showValue(seen)}`);
      return;
    }
    case 'too_small':
    case 'too_big':
      emit(path, sizeDetail(issue, seen));
      return;
    case 'unrecognized_keys':
      for (const key of issue.keys) emit([...path, key], 'unknown field');
      return;
    case 'invalid_union':
      union(issue, path, seen, doc, emit);
      return;
    default:
      emit(path, ownMessage(issue.message, issue.message));
  }
}

function union(issue: Extract<Issue, { code: 'invalid_union' }>, path: PropertyKey[], seen: unknown, doc: YamlDoc, emit: Emit): void {
  if ('discriminator' in issue && issue.discriminator) {
    const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map((o) => showValue(o)).join(', ') : '';
    emit(path, `unknown ${String(issue.discriminator)} ${showValue(seen)}; expected one of ${options}`);
    return;
  }
  // A branch that accepted the object's shape (no unknown keys at its root) says what is really wrong.
  const fits = issue.errors.filter((branch) => !branch.some((i) => i.path.length === 0 && i.code === 'unrecognized_keys'));
  if (fits.length === 1) {
    for (const inner of fits[0] ?? []) collect(inner, path, doc, emit);
    return;
  }
  const forms = issue.errors
    .map((branch) => branch.find((i) => i.code === 'invalid_type' && i.path.length === 1 && valueAt(seen, i.path) === undefined)?.path[0])
    .filter((key) => key !== undefined)
    .map(String);
  emit(path, forms.length > 0 ? `expected exactly one of ${forms.join(', ')}, saw ${showValue(seen)}` : `matches none of the allowed forms, saw ${showValue(seen)}`);
}

function sizeDetail(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>, seen: unknown): string {
  const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
  if (issue.origin === 'array') return `expected ${bound} items, saw ${Array.isArray(seen) ? seen.length : showValue(seen)}`;
  if (issue.origin === 'string') {
    return issue.code === 'too_small' && Number(issue.minimum) === 1 ? 'must not be empty' : `expected ${bound} characters, saw ${showValue(seen)}`;
  }
  return `expected ${bound}, saw ${showValue(seen)}`;
}

/** zod's own defaults start with "Invalid"/"Too"; the schema's custom messages read well as they are. */
function ownMessage(message: string, fallback: string): string {
  return /^(Invalid|Too )/.test(message) ? fallback : message;
}

function article(expected: string): string {
  const noun = expected === 'int' ? 'integer' : expected;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
