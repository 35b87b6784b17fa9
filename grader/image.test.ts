import type { V1Node } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { pod, snapshot } from './fixtures/builders.ts';
import { loadFixture } from './fixtures/replay.ts';
import { digestNote, imageDigests, parseImage, sameImage } from './image.ts';

const d136 = 'sha256:fcabee45a08ad29e66ce4508262efa160b78ee7e3d34e2fe390fd49136a26767';
const dOther = 'sha256:0000000000000000000000000000000000000000000000000000000000000001';
const node = (names: string[][]): V1Node => ({ metadata: { name: 'node-1' }, status: { images: names.map((n) => ({ names: n, sizeBytes: 1 })) } });
const onNode = imageDigests(snapshot({ nodes: [node([[`docker.io/library/busybox@${d136}`, 'docker.io/library/busybox:1.36'], [`registry.k8s.io/pause@${dOther}`, 'registry.k8s.io/pause:3.10']])] }));

describe('parseImage', () => {
  it.each([
    ['busybox', { repository: 'docker.io/library/busybox', tag: 'latest' }],
    ['busybox:1.36', { repository: 'docker.io/library/busybox', tag: '1.36' }],
    [`busybox@${d136}`, { repository: 'docker.io/library/busybox', digest: d136 }],
    [`docker.io/library/busybox:1.36@${d136}`, { repository: 'docker.io/library/busybox', tag: '1.36', digest: d136 }],
    ['localhost:5000/busybox', { repository: 'localhost:5000/busybox', tag: 'latest' }],
    ['registry.k8s.io/pause:3.10', { repository: 'registry.k8s.io/pause', tag: '3.10' }],
  ])('%s', (image, parts) => {
    expect(parseImage(image)).toEqual(parts);
  });
});

describe('sameImage: what runs', () => {
  it.each<[string, string, string, boolean]>([
    ['same tag, spelled out', 'busybox:1.36', 'docker.io/library/busybox:1.36', true],
    ['another tag', 'busybox:1.36', 'busybox:1.37', false],
    ['the digest the tag resolves to', `busybox@${d136}`, 'busybox:1.36', true],
    ['that digest with a registry prefix', `docker.io/library/busybox@${d136}`, 'busybox:1.36', true],
    ['index.docker.io spelling', `index.docker.io/library/busybox@${d136}`, 'library/busybox:1.36', true],
    ['a tag with that digest pinned', `busybox:1.36@${d136}`, 'busybox:1.36', true],
    ['another digest', `busybox@${dOther}`, 'busybox:1.36', false],
    ['the digest, another tag', `busybox@${d136}`, 'busybox:1.37', false],
    ['the digest, another repository', `someone/busybox@${d136}`, 'busybox:1.36', false],
    ['two equal digests', `busybox@${d136}`, `docker.io/library/busybox:9@${d136}`, true],
    ['a digest of a tag never resolved here', `registry.k8s.io/pause@${d136}`, 'registry.k8s.io/pause:3.10', false],
  ])('%s: %s vs %s → %s', (_name, a, b, same) => {
    expect(sameImage(a, b, onNode)).toBe(same);
    expect(sameImage(b, a, onNode)).toBe(same);
  });

  it('a digest equals no tag when the cluster resolved none', () => {
    expect(sameImage(`busybox@${d136}`, 'busybox:1.36')).toBe(false);
  });
});

describe('imageDigests: the witnesses', () => {
  it.each<[string, Parameters<typeof snapshot>[0], boolean]>([
    ['node status.images', { nodes: [node([[`docker.io/library/busybox@${d136}`, 'docker.io/library/busybox:1.36']])] }, true],
    [
      "a container's imageID",
      (() => {
        const p = pod(undefined, { name: 'ran', labels: {} });
        p.status!.containerStatuses = [{ name: 'ran', image: 'docker.io/library/busybox:1.36', imageID: `docker.io/library/busybox@${d136}`, ready: true, restartCount: 0 }];
        return { pods: [p] };
      })(),
      true,
    ],
    ['a node image of another repository with that digest', { nodes: [node([[`docker.io/other/busybox@${d136}`, 'docker.io/library/busybox:1.36']])] }, false],
    ['nothing recorded', {}, false],
  ])('%s', (_name, part, resolved) => {
    expect(imageDigests(snapshot(part)).get('docker.io/library/busybox:1.36')?.has(d136) ?? false).toBe(resolved);
  });
});

describe('digestNote', () => {
  it.each([
    [`busybox@${dOther}`, 'busybox:1.36', /^docker\.io\/library\/busybox:1\.36 is sha256:fcabee45a08a… here$/],
    [`busybox@${dOther}`, 'busybox:1.99', /^no digest of docker\.io\/library\/busybox:1\.99 is known here$/],
  ])('%s vs %s', (a, b, note) => {
    expect(digestNote(a, b, onNode)).toMatch(note);
  });

  it('says nothing when both are tags', () => {
    expect(digestNote('busybox:1.37', 'busybox:1.36', onNode)).toBeUndefined();
  });
});

describe('on a recorded cluster (bad-image-tag, after fixes/pin-digest.sh)', () => {
  it('the recorder kept the node image entry, and the pinned digest is busybox:1.36', async () => {
    const { snapshot: recorded } = await loadFixture('recorded/bad-image-tag-fix-pin-digest');
    const template = recorded.deployments.find((d) => d.metadata?.name === 'frontend')?.spec?.template.spec?.containers[0]?.image ?? '';
    expect(template).toMatch(/^busybox@sha256:[0-9a-f]{64}$/);
    expect(recorded.nodes.flatMap((n) => n.status?.images ?? []).every((i) => (i.names ?? []).some((name) => name.includes('/busybox')))).toBe(true);
    expect(sameImage(template, 'busybox:1.36', imageDigests(recorded))).toBe(true);
    expect(sameImage(template.replace(/.$/, (c) => (c === '0' ? '1' : '0')), 'busybox:1.36', imageDigests(recorded))).toBe(false);
  });
});
