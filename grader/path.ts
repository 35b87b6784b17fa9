/**
 * The path language of fieldCompare: dotted keys, `[0]` indices,
 * `[name=api]` list selection (the last item so named) and `["kubedrill.io/slot"]` quoted keys, e.g.
 * `spec.template.spec.containers[name=api].resources.limits.memory`.
 * An unquoted key with dots (`requests.kubedrill.io/slot`) also works: when a
 * key is missing, the following dotted parts are joined until one matches.
 */
export type PathStep =
  | { kind: 'key'; key: string; quoted: boolean }
  | { kind: 'index'; index: number }
  | { kind: 'select'; field: string; value: string };

/** Split a path into steps; throws on malformed brackets (a scenario bug). */
export function parsePath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) throw new Error(`path ${path}: unclosed "[" at ${i}`);
      steps.push(bracketStep(path.slice(i + 1, end), path));
      i = end + 1;
    } else {
      const end = nextBoundary(path, i);
      steps.push({ kind: 'key', key: path.slice(i, end), quoted: false });
      i = end;
    }
  }
  return steps;
}

function nextBoundary(path: string, from: number): number {
  for (let j = from; j < path.length; j++) if (path[j] === '.' || path[j] === '[') return j;
  return path.length;
}

function bracketStep(inner: string, path: string): PathStep {
  const quoted = /^(["'])(.*)\1$/.exec(inner);
  if (quoted) return { kind: 'key', key: quoted[2] ?? '', quoted: true };
  if (/^\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  const eq = inner.indexOf('=');
  if (eq > 0) return { kind: 'select', field: inner.slice(0, eq), value: inner.slice(eq + 1).replace(/^(["'])(.*)\1$/, '$2') };
  throw new Error(`path ${path}: "[${inner}]" is neither an index, a [field=value] selection nor a quoted key`);
}

/** Read the value at `path` in `root`; undefined when any step is missing. */
export function readPath(root: unknown, path: string): unknown {
  return walk(root, parsePath(path), 0);
}

// Recursive so that a dotted key can win after a plain key led to a dead end
// (labels.app.kubernetes.io/name when labels also has "app").
function walk(current: unknown, steps: PathStep[], s: number): unknown {
  if (s === steps.length) return current;
  const step = steps[s];
  if (current === undefined || current === null || step === undefined) return undefined;
  if (step.kind === 'index') return walk(Array.isArray(current) ? current[step.index] : undefined, steps, s + 1);
  if (step.kind === 'select') {
    // The last match: where names repeat (a container's env), the kubelet keeps the last one.
    const item = Array.isArray(current)
      ? current.findLast((it: unknown) => isRecord(it) && String(it[step.field]) === step.value)
      : undefined;
    return walk(item, steps, s + 1);
  }
  if (Array.isArray(current) && /^\d+$/.test(step.key)) return walk(current[Number(step.key)], steps, s + 1);
  if (!isRecord(current)) return undefined;
  if (step.quoted) return walk(current[step.key], steps, s + 1);
  const direct = step.key in current ? walk(current[step.key], steps, s + 1) : undefined;
  if (direct !== undefined) return direct;
  // Join following unquoted keys: requests.kubedrill.io/slot → "kubedrill.io/slot".
  let joined = step.key;
  for (let t = s + 1; t < steps.length; t++) {
    const next = steps[t];
    if (next?.kind !== 'key' || next.quoted) break;
    joined = `${joined}.${next.key}`;
    if (joined in current) {
      const value = walk(current[joined], steps, t + 1);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
