import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ScenarioError } from './errors.ts';
import { honestFixes } from './fixes.ts';
import { loadScenario } from './load.ts';
import { scenariosRoot } from './paths.ts';

const temps: string[] = [];
afterEach(async () => {
  for (const dir of temps.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('honestFixes', () => {
  it('lists the solution, then every fix of a real scenario, each with its description', async () => {
    const scenario = await loadScenario(path.join(scenariosRoot, 'bad-image-tag'));
    expect(await honestFixes(scenario)).toEqual([
      { name: 'solution', description: 'Roll Deployment frontend back to the previous revision (busybox:1.36).' },
      { name: 'apply-manifest', description: 'Re-apply the Deployment manifest with image busybox:1.36 (kubectl apply -f -).' },
      { name: 'fully-qualified-image', description: 'Patch the image to the fully-qualified docker.io/library/busybox:1.36 (the same image, spelled out).' },
      { name: 'library-image', description: "kubectl set image to library/busybox:1.36 (Docker Hub's library namespace spelled out, no registry): the same image." },
      { name: 'pin-digest', description: "Pin the image to the digest busybox:1.36 resolves to on this cluster (a running frontend container's imageID, else the node's image list): the same image, by digest." },
      { name: 'set-image', description: 'Set the image of container frontend back to busybox:1.36 (a new revision with the old template).' },
      { name: 'undo-to-revision', description: 'Roll back to the revision that used busybox:1.36, found in the rollout history (--to-revision).' },
    ]);
  });

  it.each(['crashloop-exit1', 'missing-configmap', 'bad-image-tag', 'oom-stress', 'priority-preemption', 'egress-networkpolicy'])('%s: the solution and its fixes, never a shortcut', async (id) => {
    const scenario = await loadScenario(path.join(scenariosRoot, id));
    const fixes = await honestFixes(scenario);
    expect(fixes.map((f) => f.name)).toEqual(['solution', ...scenario.fixes.map((f) => f.name)]);
    expect(fixes.every((f) => f.description.length > 0 && !f.description.startsWith('#'))).toBe(true);
  });

  it.each([
    ['a solution.sh without its description line', '#!/bin/sh\nset -eu\n', /solution\.sh:2: expected a "# what this script does" line after the shebang, saw "set -eu"$/],
    ['a missing solution.sh', undefined, /solution\.sh: cannot be read$/],
  ])('throws a ScenarioError naming the file for %s', async (_, text, message) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kubedrill-fixes-'));
    temps.push(dir);
    const solution = path.join(dir, 'solution.sh');
    if (text !== undefined) await writeFile(solution, text);
    const error: unknown = await honestFixes({ solution, fixes: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).message).toMatch(message);
  });
});
