import type { DrillResult } from '../drill/record.ts';
import type { HistoryEntry } from '../history.ts';
import type { ReportFormat } from './drill-report.ts';
import { renderJunit } from './format-junit.ts';
import { renderMarkdown } from './format-markdown.ts';
import { renderText, type TextStyle } from './format-text.ts';

/** The report of one drill in `format` (text may be coloured with `style`). */
export function renderReport(result: DrillResult, format: ReportFormat, style?: TextStyle): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, 2)}\n`;
    case 'junit':
      return renderJunit(result);
    case 'markdown':
      return renderMarkdown(result);
    case 'text':
      return renderText(result, style);
  }
}

/** The drill a report is about: `id` when given, else the most recent one; undefined when history has none. */
export function pickDrill(entries: HistoryEntry[], id?: string): DrillResult | undefined {
  const drills = entries.filter((e): e is DrillResult => e.type === 'drill');
  if (id) return drills.findLast((d) => d.id === id);
  return drills.at(-1);
}
