import { displayPath } from './paths.ts';

/** Where a scenario problem is and what it is. */
export interface ScenarioProblem {
  /** Absolute path of the file at fault (a directory for folder-level problems). */
  file: string;
  /** Where in the file, e.g. `checks[2].replicas` or `Deployment/api spec.replicas`; '' for the whole file. */
  fieldPath: string;
  /** What is wrong, without the location: `expected a number, saw "two"`. */
  detail: string;
  /** 1-based line in `file`, when known. */
  line?: number;
}

/**
 * A scenario that cannot be used, with the file and field at fault. `message`
 * is the one line a top-level printer shows:
 * `scenarios/x/scenario.yaml:14: checks[2].replicas: expected a number, saw "two"`.
 */
export class ScenarioError extends Error implements ScenarioProblem {
  override name = 'ScenarioError';
  readonly file: string;
  readonly fieldPath: string;
  readonly detail: string;
  readonly line?: number;

  constructor(problem: ScenarioProblem, options?: { cause?: unknown }) {
    super(formatProblem(problem), options);
    this.file = problem.file;
    this.fieldPath = problem.fieldPath;
    this.detail = problem.detail;
    this.line = problem.line;
  }
}

/** `file[:line]: [fieldPath: ]detail`, with the file relative to the repository root. */
export function formatProblem(problem: ScenarioProblem): string {
  const where = problem.line === undefined ? displayPath(problem.file) : `${displayPath(problem.file)}:${problem.line}`;
  return problem.fieldPath ? `${where}: ${problem.fieldPath}: ${problem.detail}` : `${where}: ${problem.detail}`;
}

/** Path segments as a field path: ['checks', 2, 'replicas'] → `checks[2].replicas`. */
export function fieldPathOf(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z_$][\w$-]*$/.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** A value as an error shows what it saw: strings quoted, long values cut. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
