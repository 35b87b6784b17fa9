/** Longest value shown in a reason before it is cut with "…". */
const maxShown = 80;

/** Cut a string to `max` characters, marking the cut with "…". */
export function truncate(text: string, max: number = maxShown): string {
  const flat = text.replace(/\s*\n\s*/g, '⏎');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A value as a reason shows it: strings quoted, lists and objects as JSON,
 * nothing as "nothing", dates as ISO; always one line and short.
 */
export function show(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return truncate(JSON.stringify(value));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return truncate(JSON.stringify(value));
}

/** "1 pod", "2 pods". */
export function count(n: number, noun: string, pluralNoun: string = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : pluralNoun}`;
}

/** Join the first `max` items with "; ", summarising the rest ("… and 3 more"). */
export function listSome(items: string[], max: number = 3): string {
  if (items.length <= max) return items.join('; ');
  return `${items.slice(0, max).join('; ')}; … and ${items.length - max} more`;
}
