import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Progress } from '../progress.ts';
import type { KindCli } from './cli.ts';
import type { Engine } from './engine.ts';
import { decoyImage } from './pins.ts';
import type { CommandRunner } from './run.ts';
import { mustRun } from './run.ts';

/** Every image to preload: the scenarios' images plus the decoy tag, each once, in order. */
export function preloadImages(images: string[]): string[] {
  return [...new Set([...images, decoyImage])];
}

/** Options for {@link preload}. */
export interface PreloadOptions {
  runner: CommandRunner;
  engine: Engine;
  kind: KindCli;
  progress: Progress;
  images: string[];
}

/**
 * Pull every image the engine does not have yet, then copy them all into the
 * kind node, so a workshop keeps working when the Wi-Fi does not. An image the
 * engine already holds is not pulled again: offline (an air-gapped room, a
 * mirror that was loaded by hand) a pull would fail for an image that is right
 * there. `kind load docker-image` shells out to `docker save`, so with podman
 * the images go through `podman save` and `kind load image-archive` instead.
 */
export async function preload(options: PreloadOptions): Promise<string[]> {
  const { runner, engine, kind, progress } = options;
  const images = preloadImages(options.images);
  for (const image of images) {
    const present = await runner([engine.name, 'image', 'inspect', '--format', '{{.Id}}', image], { timeoutMs: 30_000 });
    if (present.exitCode === 0) {
      progress.info(`${image}: already in ${engine.name}`);
      continue;
    }
    await progress.step(`pull ${image}`, async () => {
      await mustRun(runner, [engine.name, 'pull', image], {
        what: `${engine.name} pull ${image}`,
        fix: `Check the network and the image name; \`${engine.name} pull ${image}\` must work before it can be preloaded.`,
      });
    });
  }
  await progress.step(`load ${images.length} images into the kind node`, async () => {
    if (engine.name === 'docker') {
      await kind.loadDockerImages(images);
      return;
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kubedrill-images-'));
    try {
      const archive = path.join(dir, 'images.tar');
      await mustRun(runner, ['podman', 'save', '--multi-image-archive', '-o', archive, ...images], {
        what: 'podman save',
      });
      await kind.loadArchive(archive);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  return images;
}
