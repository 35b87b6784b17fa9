import { isNode, LineCounter, parseAllDocuments, type Document } from 'yaml';

/** One parsed YAML document, its plain value, and where its fields sit. */
export interface YamlDoc {
  value: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/** A YAML syntax error with its line. */
export interface YamlSyntaxError {
  message: string;
  line?: number;
}

/** Every document of a YAML text (multi-document aware), or the syntax errors. */
export interface ParsedYaml {
  docs: YamlDoc[];
  errors: YamlSyntaxError[];
}

/** Parses YAML keeping node positions, so errors can name lines. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  // parseAllDocuments returns an EmptyStream (an array) for text with no documents.
  const list = Array.isArray(documents) ? (documents as Document.Parsed[]) : [];
  const errors: YamlSyntaxError[] = [];
  for (const doc of list) {
    for (const error of doc.errors) {
      const at = error.pos[0];
      errors.push({ message: firstLine(error.message), line: lineCounter.linePos(at).line });
    }
  }
  if (errors.length > 0) return { docs: [], errors };
  const docs = list
    .filter((doc) => doc.contents !== null)
    .map((doc) => ({
      value: doc.toJS({ maxAliasCount: 100 }) as unknown,
      lineOf: (path: readonly PropertyKey[]): number | undefined => lineOf(doc, lineCounter, path),
    }));
  return { docs, errors };
}

function lineOf(doc: Document.Parsed, lineCounter: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
