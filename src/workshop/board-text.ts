import type { BoardCell, BoardModel } from './board.ts';

/** The colours a frame may use; identity functions when colour is off (NO_COLOR, not a TTY). */
export interface Colors {
  green: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

/** `12m05s` or `1h02m`: time left, to the second under an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** What a cell says, without colour: ✓ time, ✗ first failing check, · not started, ? missing. */
export function cellText(cell: BoardCell): string {
  if (cell.state === 'passed') return `✓ ${clock(cell.secondsToPass ?? 0)}${cell.revealed ? ' (solution shown)' : ''}`;
  if (cell.state === 'not-started') return '· not started';
  if (cell.state === 'missing') return '? no attempt';
  return `✗ ${cell.reason ?? 'failing'}`;
}

function fit(text: string, width: number): string {
  const chars = [...text];
  return chars.length > width ? `${chars.slice(0, Math.max(0, width - 1)).join('')}…` : text + ' '.repeat(width - chars.length);
}

/**
 * One frame of the terminal board: a header (time left, refresh), then a
 * row per seat — its cell per task, hints used, flags — cut to `width`
 * columns so a frame never wraps (wrapped lines are what flicker).
 */
export function renderBoardText(model: BoardModel, options: { width: number; colors: Colors }): string[] {
  const c = options.colors;
  const width = Math.max(60, options.width);
  const seatWidth = Math.max(4, ...model.seats.map((s) => s.length));
  // Flags get a quarter of the width (they are why the instructor looks); the tasks share the rest.
  const flagsWidth = Math.max(12, Math.min(32, Math.floor(width / 4)));
  const cellWidth = Math.max(12, Math.floor((width - seatWidth - 1 - 7 - flagsWidth) / Math.max(1, model.tasks.length)) - 1);
  const numbered = model.tasks.length > 1;
  const passed = model.cells.filter((x) => x.state === 'passed').length;
  const header = `workshop ${model.workshop} · ${clock(model.secondsLeft)} left · ${passed}/${model.cells.length} passed · refreshed ${model.refreshedAt.slice(11, 19)} UTC in ${model.refreshSeconds}s`;
  const lines = [c.bold(fit(header, width).trimEnd()), ''];
  lines.push(c.bold([fit('seat', seatWidth), ...model.tasks.map((t, i) => fit(numbered ? `${i + 1} ${t}` : t, cellWidth)), fit('hints', 6), 'flags'].join(' ')));
  for (const seat of model.seats) {
    const mine = model.cells.filter((x) => x.seat === seat);
    const cells = model.tasks.map((task) => {
      const cell = mine.find((x) => x.scenario === task);
      if (!cell) return fit('', cellWidth);
      const text = fit(cellText(cell), cellWidth);
      return cell.state === 'passed' ? c.green(text) : cell.state === 'failing' ? c.red(text) : c.dim(text);
    });
    const hints = mine.reduce((sum, x) => sum + x.hintsUsed, 0);
    const flags = mine.filter((x) => x.stuck).map((x) => (numbered ? `${model.tasks.indexOf(x.scenario) + 1}: ${x.stuck}` : x.stuck!)).join('; ');
    lines.push([fit(seat, seatWidth), ...cells, fit(String(hints), 6), c.yellow(fit(flags, flagsWidth).trimEnd())].join(' ').trimEnd());
  }
  return lines;
}
