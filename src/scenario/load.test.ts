import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioError } from './errors.ts';
import { loadAll, loadScenario, validateScenario } from './load.ts';
import { repoRoot } from './paths.ts';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'valid-scenario');
const temps: string[] = [];

/** A copy of the valid fixture in a temporary root, to break on purpose. */
async function copyFixture(): Promise<{ root: string; dir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'kubedrill-load-'));
  temps.push(root);
  const dir = path.join(root, 'valid-scenario');
  await cp(fixture, dir, { recursive: true });
  return { root, dir };
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replace(from, to));
}

afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('loadScenario on the valid fixture', () => {
  it('returns the spec with its defaults', async () => {
    const scenario = await loadScenario(fixture);
    expect(scenario).toMatchObject({ id: 'valid-scenario', namespace: 'fixture', exclusive: false, settle: '150s', dir: fixture });
    expect(scenario.checks[0]).toMatchObject({ id: 'web-rolled-out', kind: 'rolloutComplete', points: 1, gate: true });
  });

  it('returns the manifests per apply step and every object in inject order', async () => {
    const scenario = await loadScenario(fixture);
    expect(scenario.manifests.map((m) => [m.file, m.path, m.objects.map((o) => `${o.kind}/${o.metadata.name}`)])).toEqual([
      ['manifests/web.yaml', path.join(fixture, 'manifests/web.yaml'), ['Deployment/web', 'Service/web', 'Deployment/metrics', 'Service/metrics']],
      ['manifests/client.yaml', path.join(fixture, 'manifests/client.yaml'), ['NetworkPolicy/client-egress', 'Deployment/client']],
    ]);
    expect(scenario.injected.map((o) => o.metadata.name)).toEqual(['web', 'web', 'metrics', 'metrics', 'client-egress', 'client']);
  });

  it('keeps the explanation as written, one line per line of the block scalar', async () => {
    const scenario = await loadScenario(fixture);
    expect(scenario.explanation.split('\n')).toEqual([
      'NetworkPolicy client-egress selects the client pods and lists Egress, so',
      'their egress is allow-list: only what a rule names gets out.',
      'Allow DNS and web:8080, and nothing else.',
      '',
    ]);
  });

  it('lists images and workloads once each', async () => {
    const scenario = await loadScenario(fixture);
    expect(scenario.images).toEqual(['busybox:1.36']);
    expect(scenario.workloads).toEqual(['web', 'metrics', 'client']);
  });

  it('finds the solution, fixes and shortcuts with their descriptions', async () => {
    const scenario = await loadScenario(fixture);
    expect(scenario.solution).toBe(path.join(fixture, 'solution.sh'));
    expect(scenario.fixes).toEqual([
      { name: 'new-policy', path: path.join(fixture, 'fixes/new-policy.sh'), description: 'Add a second NetworkPolicy that allows client to reach web:8080 and DNS.' },
    ]);
    expect(scenario.shortcuts).toEqual([
      { name: 'delete-policy', path: path.join(fixture, 'shortcuts/delete-policy.sh'), description: 'Delete the policy: client reaches web, but also everything else.' },
    ]);
  });

  it('has no problems', async () => {
    expect(await validateScenario(fixture)).toEqual([]);
  });
});

describe('validateScenario', () => {
  it('reports every problem at once, scenario.yaml first, each with its line', async () => {
    const { dir } = await copyFixture();
    await edit(path.join(dir, 'scenario.yaml'), 'weight: 2', 'weight: heavy');
    await edit(path.join(dir, 'scenario.yaml'), 'replicas: 1', 'replicas: "1"');
    await edit(path.join(dir, 'manifests/web.yaml'), '      targetPort: 8080', '      targetPort: 80');
    await rm(path.join(dir, 'solution.sh'));
    const found = (await validateScenario(dir)).map((e) => [path.relative(dir, e.file), e.line, e.fieldPath, e.detail]);
    expect(found).toEqual([
      ['scenario.yaml', 7, 'weight', 'expected a number, saw "heavy"'],
      ['scenario.yaml', 36, 'checks[0].replicas', 'expected a number, saw "1"'],
      ['manifests/web.yaml', 33, 'Service/web spec.ports[0].targetPort', 'expected 8080 (equal to port), saw 80'],
      ['solution.sh', undefined, '', 'missing: the reference fix, as the kubectl commands a learner would type'],
    ]);
  });

  it('skips the Service port rule for a Service brokenServices names (the injected break), and names one it does not find', async () => {
    const { dir } = await copyFixture();
    await edit(path.join(dir, 'manifests/web.yaml'), '      targetPort: 8080', '      targetPort: http');
    await edit(path.join(dir, 'scenario.yaml'), 'checks:', 'brokenServices: [web]\nchecks:');
    expect(await validateScenario(dir)).toEqual([]);
    await edit(path.join(dir, 'scenario.yaml'), 'brokenServices: [web]', 'brokenServices: [api]');
    const found = (await validateScenario(dir)).map((e) => [e.fieldPath, e.detail]);
    expect(found).toEqual([
      ['brokenServices[0]', 'names no Service of the manifests: api'],
      ['Service/web spec.ports[0].targetPort', 'expected 8080 (equal to port), saw "http" (no such port name in Deployment/web)'],
    ]);
  });

  it('reports a folder without scenario.yaml', async () => {
    const { dir } = await copyFixture();
    await rm(path.join(dir, 'scenario.yaml'));
    const [error] = await validateScenario(dir);
    expect(error).toMatchObject({ file: path.join(dir, 'scenario.yaml'), fieldPath: '', detail: expect.stringContaining('missing') as unknown });
  });

  it('names the first missing field of an inject step that matches no form', async () => {
    const { dir } = await copyFixture();
    await edit(path.join(dir, 'scenario.yaml'), '  - apply: manifests/client.yaml', '  - aply: manifests/client.yaml\n  - apply: manifests/client.yaml');
    const [error] = await validateScenario(dir);
    expect(error).toMatchObject({ fieldPath: 'inject[2]', detail: 'expected exactly one of apply, waitFor, nodeResource, nodeLabel, hostFiles, saw {"aply":"manifests/client.yaml"}' });
  });
});

describe('loadScenario', () => {
  it('throws a ScenarioError naming the first problem', async () => {
    const { dir } = await copyFixture();
    await edit(path.join(dir, 'scenario.yaml'), 'timeLimit: 5m', 'timeLimit: soon');
    await expect(loadScenario(dir)).rejects.toThrow(ScenarioError);
    await expect(loadScenario(dir)).rejects.toThrow(/scenario\.yaml:8: timeLimit: expected a duration such as 10s, 2m or 1h30m, saw "soon"$/);
  });
});

describe('loadAll', () => {
  it('loads every folder of a root, sorted', async () => {
    const { root } = await copyFixture();
    const scenarios = await loadAll(root);
    expect(scenarios.map((s) => s.id)).toEqual(['valid-scenario']);
  });

  it('refuses two scenarios in one namespace', async () => {
    const { root } = await copyFixture();
    const second = path.join(root, 'second');
    await cp(fixture, second, { recursive: true });
    await edit(path.join(second, 'scenario.yaml'), 'id: valid-scenario', 'id: second');
    await expect(loadAll(root)).rejects.toThrow(/valid-scenario\/scenario\.yaml: namespace: "fixture" is already used by scenario second$/);
  });
});
