import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { BoardModel } from './board.ts';

/** What the page may show: set once by `workshop serve`'s flags. */
export interface PageOptions {
  /** Show the leaderboard beside the grid. */
  leaderboard: boolean;
  /** Seats as "Seat 1", "Seat 2"… everywhere on the page (for projecting). */
  hideNames: boolean;
}

/**
 * The model as the page gets it: seat names replaced when hidden (by their
 * order in the workshop, so a seat keeps its number), the leaderboard only
 * when asked for. Never anything but the board's model: no kubeconfig, no
 * token, no namespace annotation reaches the page.
 */
export function pageModel(model: BoardModel, options: PageOptions): BoardModel & { leaderboardShown: boolean } {
  const alias = new Map(model.seats.map((s, i) => [s, options.hideNames ? `Seat ${i + 1}` : s]));
  const name = (s: string): string => alias.get(s) ?? s;
  // A reason names the seat's namespace (`<seat>-netpol`): hidden names are replaced there too, longest first.
  const longestFirst = [...model.seats].sort((x, y) => y.length - x.length);
  const scrub = (text: string | undefined): string | undefined => (options.hideNames && text ? longestFirst.reduce((t, s) => t.split(s).join(name(s)), text) : text);
  return {
    ...model,
    seats: model.seats.map(name),
    cells: model.cells.map((c) => {
      const reason = scrub(c.reason);
      return { ...c, seat: name(c.seat), namespace: options.hideNames ? '' : c.namespace, ...(reason !== undefined ? { reason } : {}) };
    }),
    leaderboard: options.leaderboard ? model.leaderboard.map((l) => ({ ...l, seat: name(l.seat) })) : [],
    leaderboardShown: options.leaderboard,
  };
}

/**
 * Serve the board read-only: `/` the page (one file, no build step, no
 * external resources), `/events` server-sent events carrying the model after
 * every refresh, `/board.json` the latest model. `next()` is called again
 * `intervalMs` after each refresh ends; one refresh serves every viewer.
 */
export function serveBoard(options: { next: () => Promise<BoardModel>; intervalMs: number; page: PageOptions; host: string; port: number; onError?: (error: unknown) => void }): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const viewers = new Set<ServerResponse>();
  let latest: string | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async (): Promise<void> => {
    try {
      latest = JSON.stringify(pageModel(await options.next(), options.page));
      for (const viewer of viewers) viewer.write(`data: ${latest}\n\n`);
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) timer = setTimeout(() => void loop(), options.intervalMs);
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://board').pathname;
    if (request.method !== 'GET') {
      response.writeHead(405, { Allow: 'GET' }).end('read-only\n');
    } else if (path === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'" }).end(PAGE);
    } else if (path === '/board.json') {
      response.writeHead(latest ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(latest ?? '{"error":"first refresh still running"}');
    } else if (path === '/events') {
      response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write('retry: 3000\n\n');
      if (latest) response.write(`data: ${latest}\n\n`);
      viewers.add(response);
      request.on('close', () => viewers.delete(response));
    } else {
      response.writeHead(404).end('not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      void loop();
      resolve({
        server,
        url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            stopped = true;
            clearTimeout(timer);
            for (const viewer of viewers) viewer.end();
            server.close(() => done());
          }),
      });
    });
  });
}

/** The page: the grid, time left, flags and the optional leaderboard, redrawn on every event. */
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>kubedrill workshop</title>
<style>
:root{color-scheme:light dark;--ok:#1a7f37;--bad:#c62828;--idle:#6b7280;--warn:#b26a00}
body{font:clamp(15px,1.6vw,22px)/1.4 system-ui,sans-serif;margin:1rem 1.5rem}
header{display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:baseline}
h1{font-size:1.6em;margin:0}
#left{font-size:1.6em;font-variant-numeric:tabular-nums;font-weight:700}
#meta{color:var(--idle)}
main{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start;margin-top:1rem}
.grid{overflow-x:auto;flex:1 1 40rem}
table{border-collapse:collapse;width:100%}
th,td{padding:.35rem .6rem;border-bottom:1px solid #8884;text-align:left;vertical-align:top}
td.passed{color:var(--ok);font-weight:600}
td.failing{color:var(--bad)}
td.not-started,td.missing{color:var(--idle)}
td .why{display:block;font-size:.75em;max-width:28ch;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.flag{color:var(--warn);font-weight:600}
aside{flex:0 1 18rem}
aside ol{padding-left:1.5rem;margin:.25rem 0}
aside li{font-variant-numeric:tabular-nums}
</style></head>
<body>
<header><h1 id="title">workshop</h1><span id="left">–</span><span id="meta">connecting…</span></header>
<main><div class="grid"><table id="grid"><thead></thead><tbody></tbody></table></div>
<aside id="board" hidden><h2>Leaderboard</h2><ol id="ranks"></ol></aside></main>
<script>
const $ = (id) => document.getElementById(id);
const text = (tag, value, cls) => { const e = document.createElement(tag); e.textContent = value; if (cls) e.className = cls; return e; };
const clock = (s) => { s = Math.max(0, Math.round(s)); return s >= 3600 ? Math.floor(s / 3600) + 'h' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + 'm' : Math.floor(s / 60) + 'm' + String(s % 60).padStart(2, '0') + 's'; };
let model, received = 0;
function draw() {
  if (!model) return;
  $('title').textContent = 'workshop ' + model.workshop;
  $('left').textContent = clock(model.secondsLeft - (Date.now() - received) / 1000) + ' left';
  const passed = model.cells.filter((c) => c.state === 'passed').length;
  $('meta').textContent = passed + '/' + model.cells.length + ' passed · refreshed ' + model.refreshedAt.slice(11, 19) + ' UTC';
  const head = document.createElement('tr');
  for (const h of ['seat', ...model.tasks, 'hints', 'flags']) head.append(text('th', h));
  $('grid').tHead.replaceChildren(head);
  const rows = model.seats.map((seat) => {
    const tr = document.createElement('tr');
    tr.dataset.seat = seat;
    tr.append(text('th', seat));
    const mine = model.cells.filter((c) => c.seat === seat);
    for (const task of model.tasks) {
      const c = mine.find((x) => x.scenario === task);
      const td = text('td', '', c ? c.state : '');
      if (c) {
        td.dataset.task = task; td.dataset.state = c.state;
        td.append(c.state === 'passed' ? '✓ ' + clock(c.secondsToPass || 0) : c.state === 'failing' ? '✗ failing' : c.state === 'not-started' ? '· not started' : '? no attempt');
        if (c.state === 'failing' && c.reason) { const why = text('span', c.reason, 'why'); why.title = c.reason; td.append(why); }
      }
      tr.append(td);
    }
    tr.append(text('td', String(mine.reduce((n, c) => n + c.hintsUsed, 0))));
    tr.append(text('td', mine.filter((c) => c.stuck).map((c) => (model.tasks.length > 1 ? c.scenario + ': ' : '') + c.stuck).join('; '), 'flag'));
    return tr;
  });
  $('grid').tBodies[0].replaceChildren(...rows);
  $('board').hidden = !model.leaderboardShown;
  $('ranks').replaceChildren(...model.leaderboard.map((l) => text('li', l.seat + ' — ' + l.passed + ' passed' + (l.passed ? ' · ' + l.points + ' pts · ' + clock(l.seconds) : ''))));
}
const events = new EventSource('events');
events.onmessage = (e) => { model = JSON.parse(e.data); received = Date.now(); draw(); };
events.onerror = () => { $('meta').textContent = 'reconnecting…'; };
setInterval(draw, 1000);
</script>
</body></html>
`;
