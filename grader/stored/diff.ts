import { storedKey, type StoredObject } from './content.ts';

/** How one object differs between two stored states. */
export interface ObjectChange {
  /** "Deployment api". */
  object: string;
  kind: string;
  name: string;
  change: 'created' | 'deleted' | 'recreated' | 'modified';
  /** One line per changed field: "spec.replicas: 2 → 3", "…containers[api].env + REDIS_HOST (from ConfigMap api-config)". */
  fields: string[];
}

/** One changed field: its path, and the change in words ("spec.replicas: 2 → 3"). */
export interface FieldChange {
  path: string;
  text: string;
}

/** Options for {@link fieldChanges}. */
export interface FieldOptions {
  /** Leave out `kubectl rollout restart` (a restart is not a modification). */
  ignoreRestart?: boolean;
}

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/**
 * Field-level differences between the objects as stored at injection and now,
 * in the order of `after` (then the deleted ones). Lists of named items
 * (containers, env, volumes, ports) are matched by name, so a reordering is
 * not a change and an added env entry reads as one line.
 */
export function diffStored(before: StoredObject[], after: StoredObject[]): ObjectChange[] {
  const old = new Map(before.map((o) => [storedKey(o), o]));
  const changes: ObjectChange[] = [];
  for (const now of after) {
    const was = old.get(storedKey(now));
    old.delete(storedKey(now));
    const head = { object: `${now.kind} ${now.name}`, kind: now.kind, name: now.name };
    if (!was) {
      changes.push({ ...head, change: 'created', fields: [] });
      continue;
    }
    const fields = fieldChanges(was, now).map((f) => f.text);
    const recreated = was.uid !== '' && now.uid !== '' && was.uid !== now.uid;
    if (recreated || fields.length > 0) changes.push({ ...head, change: recreated ? 'recreated' : 'modified', fields });
  }
  for (const gone of old.values()) changes.push({ object: `${gone.kind} ${gone.name}`, kind: gone.kind, name: gone.name, change: 'deleted', fields: [] });
  return changes;
}

/** Every changed field of one object, in a stable order (metadata, then the body by key). */
export function fieldChanges(was: StoredObject, now: StoredObject, options: FieldOptions = {}): FieldChange[] {
  const out: FieldChange[] = [];
  const diff = new Differ(out, options);
  diff.value('metadata.labels', was.labels, now.labels);
  diff.value('metadata.annotations', was.annotations, now.annotations);
  for (const key of union(was.body, now.body)) diff.value(key, was.body[key], now.body[key]);
  return out;
}

// Node strips types without transforming them: no parameter properties here.
class Differ {
  private readonly out: FieldChange[];
  private readonly options: FieldOptions;

  constructor(out: FieldChange[], options: FieldOptions) {
    this.out = out;
    this.options = options;
  }

  private push(path: string, text: string): void {
    this.out.push({ path, text: `${path}${text}` });
  }

  value(path: string, a: unknown, b: unknown): void {
    if (same(a, b)) return;
    // A list or map that appears or goes is diffed against an empty one: its entries read one by one.
    if (a === undefined && (Array.isArray(b) || isRecord(b))) return this.value(path, Array.isArray(b) ? [] : {}, b);
    if (b === undefined && (Array.isArray(a) || isRecord(a))) return this.value(path, a, Array.isArray(a) ? [] : {});
    if (a === undefined) return this.push(path, `: + ${summary(b)}`);
    if (b === undefined) return this.push(path, `: - ${summary(a)}`);
    if (isRecord(a) && isRecord(b)) {
      for (const key of union(a, b)) {
        if (key === RESTARTED_AT && path.endsWith('template.metadata.annotations')) {
          if (!this.options.ignoreRestart) this.push(path.replace(/\.metadata\.annotations$/, ''), ': restarted (kubectl rollout restart)');
          continue;
        }
        this.value(child(path, key), a[key], b[key]);
      }
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) return this.list(path, a, b);
    this.push(path, `: ${summary(a)} → ${summary(b)}`);
  }

  // Named items by name; scalars as a whole; other objects by position when the length holds.
  private list(path: string, a: unknown[], b: unknown[]): void {
    if (named(a) && named(b)) {
      const before = new Map(a.map((item) => [item.name, item]));
      const after = new Map(b.map((item) => [item.name, item]));
      for (const item of b) {
        const was = before.get(item.name);
        if (was === undefined) this.push(path, ` + ${summary(item)}`);
        else this.value(`${path}[${item.name}]`, was, item);
      }
      for (const item of a) if (!after.has(item.name)) this.push(path, ` - ${item.name}`);
      return;
    }
    if (a.every(isRecord) && b.every(isRecord) && a.length === b.length) {
      a.forEach((item, i) => this.value(`${path}[${i}]`, item, b[i]));
      return;
    }
    if (a.some(isRecord) || b.some(isRecord)) {
      for (const item of b) if (!a.some((x) => same(x, item))) this.push(path, ` + ${summary(item)}`);
      for (const item of a) if (!b.some((x) => same(x, item))) this.push(path, ` - ${summary(item)}`);
      return;
    }
    this.push(path, `: ${summary(a)} → ${summary(b)}`);
  }
}

/** A short rendering of a value: env entries and env sources in words, the rest as compact JSON. */
export function summary(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value : JSON.stringify(value);
  if (isRecord(value)) {
    const from = value.valueFrom as Record<string, { name?: string; key?: string; fieldPath?: string }> | undefined;
    if (typeof value.name === 'string' && from) {
      const source = from.configMapKeyRef ? `ConfigMap ${from.configMapKeyRef.name}` : from.secretKeyRef ? `Secret ${from.secretKeyRef.name}` : from.fieldRef ? `field ${from.fieldRef.fieldPath}` : 'a reference';
      return `${value.name} (from ${source})`;
    }
    if (typeof value.name === 'string' && 'value' in value && Object.keys(value).length === 2) return `${value.name}=${String(value.value)}`;
    const ref = (value.configMapRef ?? value.secretRef) as { name?: string } | undefined;
    if (ref?.name) return `${value.configMapRef ? 'ConfigMap' : 'Secret'} ${ref.name}${value.prefix ? ` (prefix ${String(value.prefix)})` : ''}`;
    if ('to' in value || 'from' in value || (Array.isArray(value.ports) && Object.keys(value).length === 1)) return policyRule(value);
    if (typeof value.name === 'string') return `${value.name}${namedDetail(value)}`;
  }
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

// A named item's telling detail: a container's image, a volume's source.
function namedDetail(item: Record<string, unknown>): string {
  if (typeof item.image === 'string') return ` (${item.image})`;
  const key = Object.keys(item).find((k) => k !== 'name');
  if (key === undefined) return '';
  const inner = item[key];
  if (inner === null || typeof inner !== 'object') return ` (${key} ${String(inner)})`;
  const name = (inner as { name?: unknown }).name;
  return ` (${key}${typeof name === 'string' ? ` ${name}` : ''})`;
}

type Selector = { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key: string; operator: string; values?: string[] }> };
type Peer = { podSelector?: Selector; namespaceSelector?: Selector; ipBlock?: { cidr: string; except?: string[] } };

// A NetworkPolicy rule in words: "to pods app=db on TCP 5432".
function policyRule(rule: Record<string, unknown>): string {
  const direction = 'from' in rule ? 'from' : 'to';
  const peers = (rule[direction] as Peer[] | undefined) ?? [];
  const ports = (rule.ports as Array<{ protocol?: string; port?: number | string; endPort?: number }> | undefined) ?? [];
  const who = peers.length === 0 ? 'anywhere' : peers.map(peerText).join(' or ');
  const where = ports.length === 0 ? 'all ports' : ports.map((p) => `${p.protocol ?? 'TCP'} ${p.port ?? 'any port'}${p.endPort ? `-${p.endPort}` : ''}`).join(', ');
  return `${direction} ${who} on ${where}`;
}

function peerText(peer: Peer): string {
  if (peer.ipBlock) return `${peer.ipBlock.cidr}${peer.ipBlock.except?.length ? ` except ${peer.ipBlock.except.join(', ')}` : ''}`;
  const pods = peer.podSelector ? `pods ${selectorText(peer.podSelector, 'all')}` : '';
  const namespaces = peer.namespaceSelector ? `namespaces ${selectorText(peer.namespaceSelector, 'all')}` : '';
  if (pods && namespaces) return `${pods} in ${namespaces}`;
  return pods || namespaces || 'anywhere';
}

function selectorText(selector: Selector, empty: string): string {
  const labels = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  const expressions = (selector.matchExpressions ?? []).map((e) => `${e.key} ${e.operator}${e.values?.length ? ` (${e.values.join(',')})` : ''}`);
  const all = [...labels, ...expressions];
  return all.length ? all.join(',') : `(${empty})`;
}

function child(path: string, key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? `${path}.${key}` : `${path}[${key}]`;
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function named(list: unknown[]): list is Array<Record<string, unknown> & { name: string }> {
  const names = list.map((item) => (isRecord(item) && typeof item.name === 'string' ? item.name : undefined));
  return names.every((n) => n !== undefined) && new Set(names).size === names.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep equality of plain JSON values, independent of key order. */
export function same(a: unknown, b: unknown): boolean {
  return stable(a) === stable(b);
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().filter((k) => value[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}
