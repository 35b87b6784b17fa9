import { chmodSync, existsSync, utimesSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findContext, kubeconfigChain, kubeconfigTarget } from './kubeconfig-files.ts';
import { mergeLearnerKubeconfig, unmergeLearnerKubeconfig } from './learner-kubeconfig.ts';

interface Config {
  clusters?: Array<{ name: string; cluster: Record<string, string> }>;
  users?: Array<{ name: string; user: Record<string, string> }>;
  contexts?: Array<{ name: string; context: Record<string, string> }>;
  'current-context'?: string;
}

const ours = (ca: string): string => `apiVersion: v1
kind: Config
clusters:
- name: kubedrill-local
  cluster:
    certificate-authority-data: ${ca}
    server: https://127.0.0.1:6443
users:
- name: kubedrill-local-admin
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
contexts:
- name: kubedrill-local
  context: { cluster: kubedrill-local, user: kubedrill-local-admin }
current-context: kubedrill-local
`;

// A file as kubectl writes it, plus a comment and a preference: all must survive.
const theirs = `# my clusters
apiVersion: v1
clusters:
- cluster:
    server: https://127.0.0.1:1
  name: work
contexts:
- context:
    cluster: work
    user: me
    namespace: team-a
  name: work
current-context: work
kind: Config
preferences:
  colors: true
users:
- name: me
  user:
    token: abc
`;

const indented = `apiVersion: "v1"
kind: Config
clusters:
  - name: work   # the office
    cluster: { server: 'https://127.0.0.1:1' }
users:
  - name: me
    user: { token: abc }
contexts:
  - name: work
    context: { cluster: work, user: me, namespace: team-a }
current-context: work
`;

const stale = theirs
  .replace('contexts:\n', 'contexts:\n- context:\n    cluster: kubedrill-local\n    user: kubedrill-local-admin\n  name: kubedrill-local\n')
  .replace('clusters:\n', 'clusters:\n- cluster:\n    certificate-authority-data: T0xE\n    server: https://127.0.0.1:6443\n  name: kubedrill-local\n');

let dir: string;
let source: string;
let record: string;
let home: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kd-learner-'));
  source = path.join(dir, 'kubedrill', 'kubeconfig');
  record = path.join(dir, 'kubedrill', 'learner-kubeconfig.json');
  home = path.join(dir, 'home');
  mkdirp(path.dirname(source));
  mkdirp(home);
  writeFileSync(source, ours('TkVX'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function mkdirp(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

const read = (file: string): Config => parse(readFileSync(file, 'utf8')) as Config;
const up = (kubeconfig?: string): Promise<string> =>
  mergeLearnerKubeconfig({ source, context: 'kubedrill-local', record, env: { kubeconfig, home } });
const down = (): ReturnType<typeof unmergeLearnerKubeconfig> => unmergeLearnerKubeconfig({ record });
const names = (config: Config): string[] => [
  ...(config.clusters ?? []).map((c) => `cluster/${c.name}`),
  ...(config.users ?? []).map((u) => `user/${u.name}`),
  ...(config.contexts ?? []).map((c) => `context/${c.name}`),
];

describe('which file', () => {
  it.each([
    ['', ['/h/.kube/config']],
    ['/a', ['/a']],
    ['/a:/b::/a', ['/a', '/b']],
  ])('KUBECONFIG=%j reads %j', (value, chain) => {
    expect(kubeconfigChain({ kubeconfig: value, home: '/h' })).toEqual(chain);
  });

  it.each([
    ['both exist: the first', ['a', 'b'], 'a'],
    ['only the second exists: the second', ['b'], 'b'],
    ['none exists: the last', [], 'b'],
  ])('KUBECONFIG=a:b, %s', async (_, existing, expected) => {
    for (const name of existing) writeFileSync(path.join(dir, name), theirs);
    const env = { kubeconfig: `${path.join(dir, 'a')}:${path.join(dir, 'b')}` };
    expect(await kubeconfigTarget(env)).toBe(path.join(dir, expected));
  });
});

describe('findContext: where plain kubectl finds a context, as kubectl reads the chain', () => {
  it.each<[string, Record<string, string>, string, { file?: string; current?: string }]>([
    ['one file, ours current', { a: ours('x') }, 'kubedrill-local', { file: 'a', current: 'kubedrill-local' }],
    ['the first file that sets current-context wins', { a: theirs, b: ours('x') }, 'kubedrill-local', { file: 'b', current: 'work' }],
    ['an empty current-context does not count', { a: 'apiVersion: v1\ncurrent-context: ""\n', b: ours('x') }, 'kubedrill-local', { file: 'b', current: 'kubedrill-local' }],
    ['an unreadable file is skipped', { a: 'clusters: [oops\n', b: theirs }, 'work', { file: 'b', current: 'work' }],
    ['not defined anywhere', { a: theirs }, 'kubedrill-local', { current: 'work' }],
    ['no file at all', {}, 'kubedrill-local', {}],
  ])('%s', async (_, files, context, expected) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const chain = [path.join(dir, 'a'), path.join(dir, 'b')];
    const found = await findContext(context, { kubeconfig: chain.join(':') });
    expect(found).toEqual({ chain, ...expected, ...(expected.file ? { file: path.join(dir, expected.file) } : {}) });
  });
});

describe('up merges, down restores byte for byte', () => {
  it.each([
    ['as kubectl writes it', theirs, 0o600],
    ['indented lists, flow maps, quotes, readable by all', indented, 0o644],
    ['JSON', JSON.stringify(parse(theirs), null, 4), 0o600],
    ['empty', '', 0o600],
  ])('a file %s', async (_, original, mode) => {
    const file = path.join(home, '.kube', 'config');
    mkdirp(path.dirname(file));
    writeFileSync(file, original, { mode });
    chmodSync(file, mode);
    expect(await up()).toBe(file);
    const merged = read(file);
    expect(merged['current-context']).toBe('kubedrill-local');
    expect(names(merged)).toEqual(expect.arrayContaining(['cluster/kubedrill-local', 'user/kubedrill-local-admin', 'context/kubedrill-local']));
    if (original) expect(merged.contexts?.find((c) => c.name === 'work')?.context).toEqual({ cluster: 'work', user: 'me', namespace: 'team-a' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const once = readFileSync(file);
    await up();
    expect(readFileSync(file).equals(once)).toBe(true);
    expect(await down()).toEqual([{ file, action: 'restored' }]);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(statSync(file).mode & 0o777).toBe(mode);
    expect(existsSync(record)).toBe(false);
  });

  it('no file: up creates ~/.kube/config (0600) with embedded certificates; down deletes it and ~/.kube', async () => {
    const file = await up();
    expect(file).toBe(path.join(home, '.kube', 'config'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(read(file).clusters?.[0]?.cluster['certificate-authority-data']).toBe('TkVX');
    expect(await down()).toEqual([{ file, action: 'deleted' }]);
    expect(existsSync(path.join(home, '.kube'))).toBe(false);
  });

  it('certificate files named by path are inlined', async () => {
    writeFileSync(path.join(path.dirname(source), 'ca.crt'), 'CA');
    writeFileSync(source, ours('x').replace('certificate-authority-data: x', 'certificate-authority: ca.crt'));
    const cluster = read(await up()).clusters?.[0]?.cluster;
    expect(cluster).toEqual({ 'certificate-authority-data': Buffer.from('CA').toString('base64'), server: 'https://127.0.0.1:6443' });
  });

  it('new certificates after down/up: the second up replaces the data, down still restores the original', async () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, theirs);
    await up(file);
    writeFileSync(source, ours('UkVORVdFRA=='));
    await up(file);
    const merged = read(file);
    expect(merged.clusters?.filter((c) => c.name === 'kubedrill-local').map((c) => c.cluster['certificate-authority-data'])).toEqual(['UkVORVdFRA==']);
    await down();
    expect(readFileSync(file, 'utf8')).toBe(theirs);
  });

  it('a symlinked kubeconfig stays a symlink', async () => {
    const real = path.join(dir, 'dotfiles-kubeconfig');
    const link = path.join(dir, 'config');
    writeFileSync(real, theirs);
    symlinkSync(real, link);
    await up(link);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(read(real)['current-context']).toBe('kubedrill-local');
    await down();
    expect(readlinkSync(link)).toBe(real);
    expect(readFileSync(real, 'utf8')).toBe(theirs);
  });

  it('parallel ups into different files: every file tracked, every one restored', async () => {
    const files = ['p1', 'p2', 'p3', 'p4', 'p5'].map((name) => path.join(dir, name));
    for (const file of files) writeFileSync(file, theirs);
    await Promise.all(files.map((file) => up(file)));
    expect(Object.keys((JSON.parse(readFileSync(record, 'utf8')) as { files: object }).files).sort()).toEqual(files);
    expect((await down()).map((result) => result.action)).toEqual(files.map(() => 'restored'));
    for (const file of files) expect(readFileSync(file, 'utf8')).toBe(theirs);
    expect(existsSync(`${record}.lock`)).toBe(false);
  });

  it('KUBECONFIG with several files: only the target changes', async () => {
    const [a, b] = [path.join(dir, 'a'), path.join(dir, 'b')];
    writeFileSync(a, theirs);
    writeFileSync(b, theirs.replace(/work/g, 'other'));
    expect(await up(`${a}:${b}`)).toBe(a);
    expect(readFileSync(b, 'utf8')).toBe(theirs.replace(/work/g, 'other'));
    await down();
    expect(readFileSync(a, 'utf8')).toBe(theirs);
  });
});

describe('down after the user changed the file', () => {
  it.each<[string, (text: string) => string, string | undefined, string[]]>([
    ['added a context, ours still current', (t) => t.replace('contexts:\n', 'contexts:\n- name: extra\n  context: { cluster: work, user: me }\n'), 'work', ['cluster/work', 'user/me', 'context/extra', 'context/work']],
    ['switched to their own context', (t) => t.replace('current-context: kubedrill-local', 'current-context: work'), 'work', ['cluster/work', 'user/me', 'context/work']],
    ['deleted our context by hand', (t) => t.replace(/- context:\n {4}cluster: kubedrill-local\n {4}user: kubedrill-local-admin\n {2}name: kubedrill-local\n/, '').replace('current-context: kubedrill-local', 'current-context: work'), 'work', ['cluster/work', 'user/me', 'context/work']],
  ])('%s: only our entries go, the rest stays', async (_, edit, current, left) => {
    const file = path.join(dir, 'config');
    writeFileSync(file, theirs);
    await up(file);
    const edited = edit(readFileSync(file, 'utf8'));
    expect(edited).not.toBe(readFileSync(file, 'utf8'));
    writeFileSync(file, edited);
    expect(await down()).toEqual([{ file, action: 'entries removed' }]);
    const after = read(file);
    expect(after['current-context']).toBe(current);
    expect(names(after).sort()).toEqual(left.sort());
    expect(readFileSync(file, 'utf8')).toContain('# my clusters');
  });

  it('edited between two ups: down keeps the edit and removes only our entries', async () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, theirs);
    await up(file);
    writeFileSync(file, readFileSync(file, 'utf8').replace('contexts:\n', 'contexts:\n- name: extra\n  context: { cluster: work, user: me }\n'));
    await up(file);
    expect(await down()).toEqual([{ file, action: 'entries removed' }]);
    const after = read(file);
    expect(names(after).sort()).toEqual(['cluster/work', 'context/extra', 'context/work', 'user/me']);
    expect(after['current-context']).toBe('work');
  });

  it('our entries gone and another context current: the file is not rewritten', async () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, theirs);
    await up(file);
    writeFileSync(file, `${theirs}# edited\n`);
    expect(await down()).toEqual([{ file, action: 'untouched' }]);
    expect(readFileSync(file, 'utf8')).toBe(`${theirs}# edited\n`);
  });

  it('file deleted by the user: nothing to do', async () => {
    const file = path.join(dir, 'config');
    await up(file);
    rmSync(file);
    expect(await down()).toEqual([{ file, action: 'absent' }]);
    expect(existsSync(file)).toBe(false);
  });

  it('a tracked file deleted since is forgotten at the next up', async () => {
    const [gone, kept] = [path.join(dir, 'gone'), path.join(dir, 'kept')];
    await up(gone);
    rmSync(gone);
    await up(kept);
    expect(Object.keys((JSON.parse(readFileSync(record, 'utf8')) as { files: object }).files)).toEqual([kept]);
  });

  it('file broken by the user: left alone and still tracked', async () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, theirs);
    await up(file);
    writeFileSync(file, 'clusters: [oops\n');
    const [result] = await down();
    expect(result?.action).toBe('failed');
    expect(readFileSync(file, 'utf8')).toBe('clusters: [oops\n');
    expect(Object.keys((JSON.parse(readFileSync(record, 'utf8')) as { files: object }).files)).toEqual([file]);
  });
});

describe('our stale entries already in the file (a lost record)', () => {
  it('up replaces them in place; down removes them and restores current-context', async () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, stale);
    await up(file);
    const merged = read(file);
    expect(names(merged).filter((n) => n.endsWith('kubedrill-local'))).toEqual(['cluster/kubedrill-local', 'context/kubedrill-local']);
    expect(merged.clusters?.[0]?.cluster['certificate-authority-data']).toBe('TkVX');
    expect(await down()).toEqual([{ file, action: 'entries removed' }]);
    const after = read(file);
    expect(names(after).sort()).toEqual(['cluster/work', 'context/work', 'user/me']);
    expect(after['current-context']).toBe('work');
  });
});

describe('locks', () => {
  it('a lock left by a killed process (older than 30 s) is taken over', async () => {
    const file = path.join(dir, 'config');
    writeFileSync(`${file}.lock`, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${file}.lock`, old, old);
    expect(await up(file)).toBe(file);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('refuses a file it cannot read', () => {
  it('invalid YAML: up fails naming the file and leaves it as it was', async () => {
    const file = path.join(dir, 'config');
    writeFileSync(file, 'clusters: [oops\n');
    await expect(up(file)).rejects.toThrow(/kubeconfig .*config is not valid YAML/);
    expect(readFileSync(file, 'utf8')).toBe('clusters: [oops\n');
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
