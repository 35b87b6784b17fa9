import { describe, expect, it } from 'vitest';
import { imageBaseName, parseImageRef } from './image-ref.ts';

describe('parseImageRef', () => {
  it.each([
    ['busybox:1.36', 'docker.io', 'library/busybox', '1.36'],
    ['busybox', 'docker.io', 'library/busybox', 'latest'],
    ['docker.io/library/busybox:1.37', 'docker.io', 'library/busybox', '1.37'],
    ['docker.io/busybox:1.36', 'docker.io', 'library/busybox', '1.36'],
    ['index.docker.io/library/busybox:1.36', 'docker.io', 'library/busybox', '1.36'],
    ['kubedrill/pause:1.0', 'docker.io', 'kubedrill/pause', '1.0'],
    ['quay.io/org/app:2', 'quay.io', 'org/app', '2'],
    ['localhost:5000/app:3', 'localhost:5000', 'app', '3'],
  ])('%s', (image, host, repository, tag) => {
    expect(parseImageRef(image)).toEqual({ host, repository, tag });
  });

  it('names the repository base', () => {
    expect(imageBaseName(parseImageRef('docker.io/library/busybox:1.36'))).toBe('busybox');
  });
});
