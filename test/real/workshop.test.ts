import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../src/home.ts';
import { tokenExpiry } from '../../src/workshop/seat-access.ts';
import { launchChromium } from './helpers/browser.ts';
import { clusterKubectl } from './helpers/kubectl-path.ts';

// A workshop on the real cluster through the CLI, as an instructor runs it:
// six seats, each with crashloop-exit1 and egress-networkpolicy; seat a
// applies the solutions with its own kubeconfig and passes both, seat b takes
// a shortcut in each and fails with its reason, seat c is refused everything
// outside its namespaces and its own PriorityClasses; `workshop end` leaves
// no namespace, no credential, no guardrail. A KUBEDRILL_HOME of its own (the
// cluster from the ambient settings), so nothing here touches the user's
// attempts or keys.
const bin = new URL('../../bin/kubedrill', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;
const ambientHome = process.env.KUBEDRILL_HOME || join(homedir(), '.kubedrill');
const home = mkdtempSync(join(tmpdir(), 'kd-real-workshop-'));
const out = join(home, 'seats');
const id = process.pid % 10000;
const workshop = `rt${id}`;
const seats = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => `${letter}${id}`);
const [a, b, c, d] = seats as [string, string, string, string];
const tasks = 'crashloop-exit1,egress-networkpolicy';
const ns = (seat: string): string => `${seat}-crashloop`;
const netpol = (seat: string): string => `${seat}-netpol`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function kd(...args: string[]): Promise<Run> {
  const r = await execa(bin, args, { reject: false, stdin: 'ignore', env: { KUBEDRILL_HOME: home, NO_COLOR: '1' }, timeout: 600_000 });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** A script or kubectl as the seat: its kubeconfig only ($NS: the seat's namespace of a task, crashloop-exit1's unless given). */
async function asSeat(seat: string, file: string, args: string[] = [], namespace = ns(seat)): Promise<Run> {
  const r = await execa(file, args, { reject: false, stdin: 'ignore', timeout: 180_000, env: { KUBECONFIG: join(out, `${seat}.kubeconfig`), NS: namespace, PATH: `${join(home, 'bin')}:${process.env.PATH}` } });
  return { code: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
const kubectl = (seat: string, ...args: string[]): Promise<Run> => asSeat(seat, join(home, 'bin', 'kubectl'), args);

beforeAll(() => {
  const settings = JSON.parse(readFileSync(join(ambientHome, 'settings.json'), 'utf8')) as Settings;
  writeFileSync(join(home, 'settings.json'), JSON.stringify({ provider: settings.provider, kubeconfig: settings.kubeconfig, context: settings.context }));
  mkdirSync(join(home, 'bin'));
  symlinkSync(clusterKubectl(), join(home, 'bin', 'kubectl'));
});

/** `workshop serve` running for the test, and where. */
interface Served {
  process: ResultPromise;
  url: string;
}

/** Start `workshop serve` on a free loopback port; resolves once it prints its address. */
async function serve(...flags: string[]): Promise<Served> {
  const child = execa(bin, ['workshop', 'serve', workshop, '--port', '0', '--interval', '2s', ...flags], { reject: false, stdin: 'ignore', env: { KUBEDRILL_HOME: home, NO_COLOR: '1' } });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      const match = /board at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(seen);
      if (match) resolve(match[1]!);
    });
    void child.then(() => reject(new Error(`workshop serve ended: ${seen}`)));
  });
  return { process: child, url };
}

let browser: Browser | undefined;
const servers: Served[] = [];

afterAll(async () => {
  await browser?.close();
  for (const s of servers) s.process.kill('SIGTERM');
  await kd('workshop', 'end', workshop);
  rmSync(home, { recursive: true, force: true });
});

describe('a workshop on the real cluster (6 seats × crashloop-exit1, egress-networkpolicy)', () => {
  it('refuses a scenario the seats would share, and a plan without seats, as bad input', async () => {
    const shared = await kd('workshop', 'create', `${workshop}x`, '--seats', '2', '--scenarios', 'priority-preemption');
    expect(shared.code, shared.stderr).toBe(2);
    expect(shared.stderr).toMatch(/priority-preemption cannot be a workshop task: every seat would share what it needs the cluster to itself/);
    const none = await kd('workshop', 'create', `${workshop}x`, '--scenarios', 'crashloop-exit1');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/exactly one of --seats N and --learners/);
    const badName = await kd('workshop', 'create', `${workshop}x`, '--learners', 'Ana María', '--scenarios', 'crashloop-exit1');
    expect(badName.code).toBe(2);
    expect(badName.stderr).toMatch(/"Ana María" is not usable as a seat: .*"ana-maria"/);
  });

  it('creates every seat\'s tasks, after its preflight, and a kubeconfig whose token ends 10 min after the workshop', async () => {
    const r = await kd('workshop', 'create', workshop, '--learners', seats.join(','), '--scenarios', tasks, '--time', '30m', '--out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    const { workshop: record, kubeconfigs } = JSON.parse(r.stdout) as { workshop: { seats: string[]; endsAt: string }; kubeconfigs: Record<string, string> };
    expect(record.seats).toEqual(seats);
    expect(Object.keys(kubeconfigs)).toEqual(seats);
    // A handout per seat beside its kubeconfig: its own namespace in the brief, no token in it.
    const page = readFileSync(join(out, `${a}.html`), 'utf8');
    expect(page).toContain(`In namespace ${ns(a)}`);
    expect(readFileSync(join(out, `${a}.md`), 'utf8')).toContain(`export KUBECONFIG=$PWD/${a}.kubeconfig`);
    const token = /token: (\S+)/.exec(readFileSync(join(out, `${a}.kubeconfig`), 'utf8'))![1]!;
    expect(page).not.toContain(token);
    expect(Math.abs(tokenExpiry(token)!.getTime() - (Date.parse(record.endsAt) + 10 * 60_000))).toBeLessThan(60_000);
    // The seat sees its task's symptom in its own namespace, with no -n (the context's namespace).
    const pods = await kubectl(a, 'get', 'pods', '-l', 'app=api', '-o', 'name');
    expect(pods.code, pods.stderr).toBe(0);
    expect(pods.stdout).toMatch(/pod\/api-/);
    // Run again: it keeps what stands.
    const again = await kd('workshop', 'create', workshop, '--learners', seats.join(','), '--scenarios', tasks, '--out', out, '--json');
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { workshop: { endsAt: string } }).workshop.endsAt).toBe(record.endsAt);
  });

  it.each([
    ['read seat d\'s namespaces', ['-n', ns(d), 'get', 'pods']],
    ['read seat d\'s other namespace', ['-n', netpol(d), 'get', 'networkpolicies']],
    ['change seat d\'s namespace', ['-n', ns(d), 'delete', 'deployment', 'api']],
    ['change seat d\'s policy', ['-n', netpol(d), 'delete', 'networkpolicy', 'app-egress']],
    ['read the control namespace', ['-n', `kubedrill-ws-${workshop}`, 'get', 'serviceaccounts']],
    ['edit its own attempt record', ['annotate', 'namespace', ns(c), 'kubedrill.io/attempt-']],
    ['read seat d\'s attempt record', ['get', 'namespace', netpol(d), '-o', 'jsonpath={.metadata.annotations}']],
    ['edit seat d\'s attempt record', ['annotate', 'namespace', netpol(d), 'kubedrill.io/attempt-']],
    ['list nodes', ['get', 'nodes']],
    ['create a PriorityClass outside its prefix', ['create', 'priorityclass', `${workshop}-high`, '--value=1000']],
    ['create a PriorityClass in seat d\'s prefix', ['create', 'priorityclass', `${d}-high`, '--value=1000']],
    ['create a globalDefault PriorityClass in its own prefix', ['create', 'priorityclass', `${c}-everyone`, '--value=10', '--global-default']],
    ['delete its own namespace\'s quota', ['delete', 'resourcequota', 'kubedrill-seat']],
    ['raise its own namespace\'s limits', ['patch', 'limitrange', 'kubedrill-seat', '--type=json', '-p=[{"op":"replace","path":"/spec/limits/0/max/memory","value":"64Gi"}]']],
    ['delete its own RoleBinding (the workshop\'s)', ['delete', 'rolebinding', `kubedrill-seat-${c}`]],
    ['re-bind its RoleBinding to another seat', ['patch', 'rolebinding', `kubedrill-seat-${c}`, '--type=json', `-p=[{"op":"add","path":"/subjects/-","value":{"kind":"ServiceAccount","name":"${d}","namespace":"kubedrill-ws-${workshop}"}}]`]],
  ])('refuses seat c: %s', async (_what, args) => {
    const r = await kubectl(c, ...(args as string[]));
    expect(r.code).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/Forbidden|forbidden/);
  });

  it('lets seat c make, change and delete its own PriorityClasses, and not seat d\'s', async () => {
    const own = await kubectl(c, 'create', 'priorityclass', `${c}-high`, '--value=1000');
    expect(own.code, own.stderr).toBe(0);
    expect((await kubectl(c, 'patch', 'priorityclass', `${c}-high`, '-p={"description":"mine"}')).code).toBe(0);
    expect((await kubectl(d, 'create', 'priorityclass', `${d}-high`, '--value=1000')).code).toBe(0);
    const theirs = await kubectl(c, 'delete', 'priorityclass', `${d}-high`);
    expect(theirs.stderr).toMatch(/may only make, change or delete PriorityClasses named/);
    // One class of seat c's stays for `end` to find.
    expect((await kubectl(c, 'create', 'priorityclass', `${c}-left`, '--value=5')).code).toBe(0);
    expect((await kubectl(c, 'delete', 'priorityclass', `${c}-high`)).code).toBe(0);
  });

  it('holds every seat to PodSecurity baseline and its LimitRange and quota, in its own namespace too', async () => {
    const privileged = await kubectl(c, 'run', 'root', '--image=busybox:1.36', '--restart=Never', '--privileged', '--', 'sleep', '60');
    expect(privileged.code).not.toBe(0);
    expect(privileged.stderr).toMatch(/violates PodSecurity "baseline:latest": privileged/);
    const hostPath = JSON.stringify({ spec: { volumes: [{ name: 'host', hostPath: { path: '/' } }], containers: [{ name: 'x', image: 'busybox:1.36', command: ['sleep', '60'], volumeMounts: [{ name: 'host', mountPath: '/host' }] }] } });
    const host = await kubectl(c, 'run', 'host', '--image=busybox:1.36', '--restart=Never', `--overrides=${hostPath}`);
    expect(host.stderr).toMatch(/violates PodSecurity "baseline:latest": hostPath volumes/);
    const huge = JSON.stringify({ spec: { containers: [{ name: 'x', image: 'busybox:1.36', command: ['sleep', '60'], resources: { limits: { memory: '2Gi' } } }] } });
    const big = await kubectl(c, 'run', 'big', '--image=busybox:1.36', '--restart=Never', `--overrides=${huge}`);
    expect(big.stderr).toMatch(/maximum memory usage per Container is 1Gi/);
    const quota = await kubectl(c, 'get', 'resourcequota', 'kubedrill-seat', '-o', 'jsonpath={.spec.hard.pods} {.status.used.pods}');
    expect(quota.code, quota.stderr).toBe(0);
    const [hard, used] = quota.stdout.split(' ').map(Number);
    expect(hard).toBe(2 * (2 + 3) + 4); // crashloop-exit1: redis 1 and api 2, each surging one pod
    expect(used).toBeGreaterThanOrEqual(3);
    // The task's own pods got the LimitRange's defaults.
    const limits = await kubectl(c, 'get', 'pods', '-l', 'app=api', '-o', 'jsonpath={.items[0].spec.containers[0].resources.limits.memory}');
    expect(limits.stdout).toBe('1Gi');
  });

  let grid: Page;
  let hidden: Page;
  const cell = (page: Page, seat: string, task: string) => page.locator(`tr[data-seat="${seat}"] td[data-task="${task}"]`);

  it('shows the room on the terminal board and the web page: every task not started', async () => {
    const board = await kd('workshop', 'board', workshop, '--once', '--json');
    expect(board.code, board.stderr).toBe(0);
    const model = JSON.parse(board.stdout) as { seats: string[]; cells: { state: string }[] };
    expect(model.seats).toEqual(seats);
    expect(model.cells.map((c) => c.state)).toEqual(Array(12).fill('not-started'));
    const text = await kd('workshop', 'board', workshop, '--once');
    expect(text.stdout.split('\n').filter((l) => l.includes('· not started'))).toHaveLength(6);

    servers.push(await serve(), await serve('--leaderboard', '--hide-names'));
    browser = await launchChromium();
    grid = await browser.newPage({ viewport: { width: 1280, height: 560 } });
    await grid.goto(servers[0]!.url);
    await cell(grid, a, 'crashloop-exit1').waitFor();
    expect(await grid.locator('tbody tr').count()).toBe(6);
    expect(await grid.locator('td[data-state="not-started"]').count()).toBe(12);
    expect(await grid.locator('#board').isHidden()).toBe(true);
    // Read-only: nothing but GET, and no credential of any kind in what the page gets.
    expect((await fetch(servers[0]!.url, { method: 'POST' })).status).toBe(405);
    const json = await (await fetch(`${servers[0]!.url}board.json`)).text();
    expect(json).not.toMatch(/token|kubeconfig|BEGIN CERTIFICATE|kubedrill\.io\/attempt/);
    hidden = await browser.newPage({ viewport: { width: 1280, height: 560 } });
    await hidden.goto(servers[1]!.url);
    await hidden.locator('#ranks li').first().waitFor();
  });

  it('grades the room: the solutions pass, shortcuts fail with their reasons, untouched tasks fail', async () => {
    expect((await asSeat(a, join(root, 'scenarios/crashloop-exit1/solution.sh'))).code).toBe(0);
    expect((await asSeat(a, join(root, 'scenarios/egress-networkpolicy/solution.sh'), [], netpol(a))).code).toBe(0);
    expect((await asSeat(b, join(root, 'scenarios/crashloop-exit1/shortcuts/skip-the-check.sh'))).code).toBe(0);
    expect((await asSeat(b, join(root, 'scenarios/egress-networkpolicy/shortcuts/allow-all-egress.sh'), [], netpol(b))).code).toBe(0);
    type Task = { seat: string; scenario: string; state: string; points: number; maxPoints: number; reason?: string };
    let tasks: Task[] = [];
    const of = (seat: string, scenario = 'crashloop-exit1'): Task => tasks.find((t) => t.seat === seat && t.scenario === scenario)!;
    const deadline = Date.now() + 240_000;
    do {
      const r = await kd('workshop', 'status', workshop, '--json');
      expect(r.code, r.stderr).toBe(0);
      tasks = (JSON.parse(r.stdout) as { tasks: Task[] }).tasks;
      // b's apps roll out with their shortcuts first (the first failing check is the rollout's); then the checks name what the shortcuts did.
      const bSettled = /command|REDIS_HOST/.test(of(b).reason ?? '') && /metrics|legacy-db|allows/.test(of(b, 'egress-networkpolicy').reason ?? '');
      if (of(a).state === 'passed' && of(a, 'egress-networkpolicy').state === 'passed' && bSettled) break;
      await new Promise((resolve) => setTimeout(resolve, 3000));
    } while (Date.now() < deadline);
    expect(tasks).toHaveLength(12);
    for (const scenario of ['crashloop-exit1', 'egress-networkpolicy']) {
      expect(of(a, scenario), of(a, scenario).reason).toMatchObject({ state: 'passed' });
      expect(of(a, scenario).points).toBe(of(a, scenario).maxPoints);
      expect(of(b, scenario)).toMatchObject({ state: 'failing' });
      for (const untouched of seats.slice(2)) expect(of(untouched, scenario)).toMatchObject({ state: 'failing' });
    }
    expect(of(b).reason).toMatch(/command|REDIS_HOST/);
    expect(of(b, 'egress-networkpolicy').reason).toMatch(/metrics|legacy-db|allows/);
    // A learner's own look with the seat's kubeconfig: the same verdicts, read-only (nothing written on the record).
    const version = async (namespace: string): Promise<string> => (await kubectl(a, 'get', 'namespace', namespace, '-o', 'jsonpath={.metadata.resourceVersion}')).stdout;
    const before = await version(ns(a));
    type Look = { scenario: string; passed: boolean; verdicts: { id: string; passed: boolean }[]; unjudged: { id: string; why: string }[] };
    const mine = await kd('check', '--seat', join(out, `${a}.kubeconfig`), '--json');
    expect(mine.code, mine.stderr).toBe(0);
    const looks = (JSON.parse(mine.stdout) as { seat: string; tasks: Look[] }).tasks;
    expect(looks.map((l) => [l.scenario, l.passed])).toEqual([['crashloop-exit1', true], ['egress-networkpolicy', true]]);
    // What a seat may not list (the nodes: pod CIDRs for the policy evaluator) is named, not guessed.
    expect(looks[1]!.unjudged.map((u) => u.why)).toContain('it reads the nodes, which a seat may not list');
    expect(await version(ns(a))).toBe(before);
    const theirs = await kd('check', '--seat', join(out, `${b}.kubeconfig`), 'crashloop-exit1');
    expect(theirs.code).toBe(1);
    expect(theirs.stdout).toMatch(/crashloop-exit1 in .*: not yet/);
    expect(theirs.stdout).toMatch(/FAIL api-spec-unchanged/);
    // The page shows seat a's passes without a reload, within a refresh (2 s apart, each well under 5 s).
    await grid.locator(`tr[data-seat="${a}"] td[data-task="crashloop-exit1"][data-state="passed"]`).waitFor({ timeout: 20_000 });
    await grid.locator(`tr[data-seat="${a}"] td[data-task="egress-networkpolicy"][data-state="passed"]`).waitFor({ timeout: 20_000 });
    expect(await cell(grid, b, 'crashloop-exit1').getAttribute('data-state')).toBe('failing');
    mkdirSync(join(root, 'test-results'), { recursive: true });
    await grid.screenshot({ path: join(root, 'test-results', 'workshop-board.png') });
    // Projected with names hidden: seats by number, no learner's name anywhere on the page; the leaderboard leads with a.
    await hidden.locator('#ranks li', { hasText: 'Seat 1 — 2 passed' }).waitFor({ timeout: 20_000 });
    const page = await hidden.content();
    for (const seat of seats) expect(page).not.toContain(seat);
    await hidden.screenshot({ path: join(root, 'test-results', 'workshop-board-hidden.png') });
    // Their refreshes would only load the cluster for the rest of the test.
    for (const s of servers.splice(0)) s.process.kill('SIGTERM');
    // The terminal board agrees: seat a passed both, seat b fails both.
    const frame = (await kd('workshop', 'board', workshop, '--once')).stdout;
    expect(frame).toMatch(new RegExp(`^${a} +✓ \\S+ +✓ \\S+`, 'm'));
    expect(frame).toMatch(new RegExp(`^${b} +✗ .* ✗ `, 'm'));
    const list = await kd('workshop', 'list', '--json');
    expect((JSON.parse(list.stdout) as { workshops: { name: string }[] }).workshops.map((w) => w.name)).toContain(workshop);
    // The instructor's own `status` lists no seat's attempt.
    expect((await kd('status', '--json')).stdout).not.toContain(ns(a));
  });

  it('exports what status saw, resets a seat\'s task, extends the end with new credentials', async () => {
    const csv = await kd('workshop', 'report', workshop, '--format', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    const rows = csv.stdout.trimEnd().split('\n').map((l) => l.split(','));
    expect(rows[0]!.slice(0, 4)).toEqual(['seat', 'task', 'namespace', 'state']);
    const row = (seat: string): string[] => rows.find((r) => r[0] === seat)!;
    const row2 = (seat: string, task: string): string[] => rows.find((r) => r[0] === seat && r[1] === task)!;
    expect(rows).toHaveLength(1 + 12);
    expect(row(a).slice(0, 4)).toEqual([a, 'crashloop-exit1', ns(a), 'passed']);
    expect(row2(a, 'egress-networkpolicy').slice(0, 4)).toEqual([a, 'egress-networkpolicy', netpol(a), 'passed']);
    expect(Number(row(a)[7])).toBeGreaterThan(0); // seconds to pass
    expect(row(b)[3]).toBe('failing');
    expect(row2(b, 'egress-networkpolicy')[3]).toBe('failing');

    const reset = await kd('workshop', 'reset', workshop, b, 'crashloop-exit1');
    expect(reset.code, reset.stderr).toBe(0);
    // The seat's task is injected again (the shortcut gone) and its kubeconfig still works there.
    const command = await kubectl(b, 'get', 'deployment', 'api', '-o', 'jsonpath={.spec.template.spec.containers[0].command}');
    expect(command.code, command.stderr).toBe(0);
    expect(command.stdout).not.toContain('echo ok > /www/index.html');
    expect((await kd('workshop', 'reset', workshop, 'nobody')).code).toBe(2);

    const before = tokenExpiry(/token: (\S+)/.exec(readFileSync(join(out, `${a}.kubeconfig`), 'utf8'))![1]!)!;
    const extend = await kd('workshop', 'extend', workshop, '10m', '--out', out);
    expect(extend.code, extend.stderr).toBe(0);
    const after = tokenExpiry(/token: (\S+)/.exec(readFileSync(join(out, `${a}.kubeconfig`), 'utf8'))![1]!)!;
    expect(Math.abs(after.getTime() - before.getTime() - 10 * 60_000)).toBeLessThan(60_000);
    expect((await kubectl(a, 'get', 'pods')).code).toBe(0);
  });

  it('ends: no namespace, guardrail or seat class left, and the seats\' tokens refused', async () => {
    const r = await kd('workshop', 'end', workshop, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ workshop, left: [] });
    // What `end` reports is what the cluster holds, asked with the instructor's kubectl.
    const ambient = await execa(join(home, 'bin', 'kubectl'), ['get', 'namespaces,clusterroles,clusterrolebindings,validatingadmissionpolicies,validatingadmissionpolicybindings', '-l', `kubedrill.io/workshop=${workshop}`, '-o', 'name'], { reject: false });
    expect(ambient.stdout.split('\n').filter((l) => l && !/^namespace\//.test(l))).toEqual([]);
    const classes = await execa(join(home, 'bin', 'kubectl'), ['get', 'priorityclasses', '-o', 'name'], { reject: false });
    expect(classes.stdout).not.toMatch(new RegExp(`/(${seats.join('|')})-`));
    const ended = Date.now();
    const refused = (r: Run): boolean => /Unauthorized|must be logged in/.test(`${r.stdout}${r.stderr}`);
    let seat = await kubectl(a, 'get', 'configmaps');
    // The API server caches a token's authentication for 10 s (its namespace going first reads as Forbidden).
    while (!refused(seat) && Date.now() - ended < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      seat = await kubectl(a, 'get', 'configmaps');
    }
    expect(`${seat.stdout}${seat.stderr}`).toMatch(/Unauthorized|must be logged in/);
    expect((await kd('workshop', 'status', workshop)).code).toBe(2);
  });
});
