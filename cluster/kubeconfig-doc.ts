import { isCollection, isMap, isSeq, parseDocument, visit, type Document, type YAMLMap } from 'yaml';
import { ClusterError } from './errors.ts';

/** The three names one kubeconfig context owns. */
export interface EntryNames {
  cluster: string;
  user: string;
  context: string;
}

/** One context with its cluster and user, as plain kubeconfig objects. */
export interface KubeconfigEntries {
  names: EntryNames;
  cluster: Record<string, unknown>;
  user: Record<string, unknown>;
  context: Record<string, unknown>;
}

const sections = [
  ['clusters', 'cluster'],
  ['users', 'user'],
  ['contexts', 'context'],
] as const;

// kubectl's own layout (sequences not indented under their key), no folding of
// long lines, so a file kubectl wrote reads the same after a merge.
const layout = { indentSeq: false, lineWidth: 0 } as const;

/**
 * Parse kubeconfig text into a YAML Document (comments and layout kept);
 * empty text gives an empty Config. Not a mapping → ClusterError naming the file.
 */
export function parseKubeconfig(text: string, file: string): Document {
  const doc = parseDocument(text.trim() ? text : 'apiVersion: v1\nkind: Config\n');
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    const why = doc.errors[0]?.message.split('\n')[0] ?? 'not a mapping';
    throw new ClusterError(`kubeconfig ${file} is not valid YAML (${why}); kubedrill leaves it alone`, {
      fix: `repair ${file} (\`kubectl config view --kubeconfig ${file}\` shows what kubectl makes of it), then run \`kubedrill up\` again`,
    });
  }
  return doc;
}

/** The `name` → item map of one section. */
function itemsOf(doc: Document, section: string): YAMLMap[] {
  const seq = doc.get(section, true);
  return isSeq(seq) ? seq.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

/** The current-context the file sets ('' counts as set), or undefined. */
export function currentContextOf(doc: Document): string | undefined {
  const value = doc.get('current-context');
  return typeof value === 'string' ? value : undefined;
}

/** Context names the file defines. */
export function contextNames(doc: Document): string[] {
  return itemsOf(doc, 'contexts').map((item) => String(item.get('name')));
}

/** Whether any of the three entries is in the file. */
export function hasEntries(doc: Document, names: EntryNames): boolean {
  return sections.some(([section, key]) => itemsOf(doc, section).some((item) => item.get('name') === names[key]));
}

/** A context's cluster, user and context objects; undefined when the context is not there. */
export function entriesFor(doc: Document, context: string): KubeconfigEntries | undefined {
  const find = (section: string, name: unknown): Record<string, unknown> | undefined => {
    const item = itemsOf(doc, section).find((candidate) => candidate.get('name') === name);
    return item?.toJSON() as Record<string, unknown> | undefined;
  };
  const ctx = find('contexts', context)?.context as { cluster?: string; user?: string } | undefined;
  const cluster = find('clusters', ctx?.cluster)?.cluster as Record<string, unknown> | undefined;
  const user = find('users', ctx?.user)?.user as Record<string, unknown> | undefined;
  if (!ctx?.cluster || !ctx.user || !cluster || !user) return undefined;
  return { names: { cluster: ctx.cluster, user: ctx.user, context }, cluster, user, context: ctx };
}

/**
 * Put the entries into the document (replacing same-named ones in place,
 * appending otherwise) and make the context current. Everything else stays.
 */
export function mergeEntries(doc: Document, entries: KubeconfigEntries): string {
  // A JSON kubeconfig becomes block YAML, as when kubectl rewrites it.
  if (isCollection(doc.contents) && doc.contents.flow) {
    visit(doc, {
      Map: (_, node) => void (node.flow = false),
      Seq: (_, node) => void (node.flow = false),
      // The stringifier still quotes a string that would read back as another type.
      Scalar: (_, node) => void (node.type = undefined),
    });
  }
  for (const [section, key] of sections) {
    // Keys in kubectl's (alphabetical) order.
    const node = doc.createNode({ [key]: sorted(entries[key]), name: entries.names[key] });
    const seq = doc.get(section, true);
    if (!isSeq(seq)) {
      doc.set(section, doc.createNode([node]));
      continue;
    }
    const index = seq.items.findIndex((item) => isMap(item) && item.get('name') === entries.names[key]);
    if (index >= 0) seq.items[index] = node;
    else seq.items.push(node);
  }
  doc.set('current-context', entries.names.context);
  return doc.toString(layout);
}

function sorted(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Take the three entries out of the document. When current-context still names
 * ours it becomes `restore` (null or undefined: the key is removed, as it was
 * before or as kind leaves it); any other current-context is the user's and stays.
 */
export function removeEntries(doc: Document, names: EntryNames, restore: string | null | undefined): string {
  for (const [section, key] of sections) {
    const seq = doc.get(section, true);
    if (isSeq(seq)) seq.items = seq.items.filter((item) => !(isMap(item) && item.get('name') === names[key]));
  }
  if (currentContextOf(doc) === names.context) {
    if (typeof restore === 'string') doc.set('current-context', restore);
    else doc.delete('current-context');
  }
  return doc.toString(layout);
}
