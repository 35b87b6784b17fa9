import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClusterError } from '../errors.ts';
import { capture, run } from './run.ts';

const pauseSource = fileURLToPath(new URL('./pause/pause.c', import.meta.url));
const defaultPath = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** An OCI image layout on disk holding one image under `tag`. */
export interface OciImage {
  layout: string;
  tag: string;
}

/** What goes into an image's single layer and config. */
interface ImageSpec {
  name: string;
  populate: (rootfs: string) => Promise<void>;
  entrypoint?: string[];
  cmd?: string[];
}

/**
 * Build (once) an OCI layout with umoci: new image → unpack → fill rootfs →
 * repack → set config. A `.complete` marker makes an interrupted build redo.
 */
async function buildImage(imagesDir: string, spec: ImageSpec): Promise<OciImage> {
  const layout = path.join(imagesDir, spec.name);
  const image = { layout, tag: 'latest' };
  if (existsSync(path.join(layout, '.complete'))) return image;
  const component = `image ${spec.name}`;
  const bundle = `${layout}.bundle`;
  await fs.rm(layout, { recursive: true, force: true });
  await fs.rm(bundle, { recursive: true, force: true });
  await fs.mkdir(imagesDir, { recursive: true });
  const ref = `${layout}:${image.tag}`;
  await run(['umoci', 'init', '--layout', layout], { component });
  await run(['umoci', 'new', '--image', ref], { component });
  await run(['umoci', 'unpack', '--image', ref, bundle], { component });
  await spec.populate(path.join(bundle, 'rootfs'));
  await run(['umoci', 'repack', '--image', ref, bundle], { component });
  const config = ['--config.env', defaultPath];
  for (const arg of spec.entrypoint ?? []) config.push('--config.entrypoint', arg);
  for (const arg of spec.cmd ?? []) config.push('--config.cmd', arg);
  await run(['umoci', 'config', '--image', ref, ...config], { component });
  await run(['umoci', 'gc', '--layout', layout], { component });
  await fs.rm(bundle, { recursive: true, force: true });
  await fs.writeFile(path.join(layout, '.complete'), '');
  return image;
}

/** The sandbox image: a static build of pause/pause.c. */
export function buildPauseImage(imagesDir: string): Promise<OciImage> {
  return buildImage(imagesDir, {
    name: 'pause',
    entrypoint: ['/pause'],
    populate: async (rootfs) => {
      await run(['gcc', '-static', '-Os', '-s', '-o', path.join(rootfs, 'pause'), pauseSource], { component: 'image pause' });
    },
  });
}

/** CoreDNS from the binary built from its Go module. */
export function buildCorednsImage(imagesDir: string, corednsBinary: string): Promise<OciImage> {
  return buildImage(imagesDir, {
    name: 'coredns',
    entrypoint: ['/coredns'],
    populate: async (rootfs) => {
      await fs.copyFile(corednsBinary, path.join(rootfs, 'coredns'));
      await fs.chmod(path.join(rootfs, 'coredns'), 0o755);
    },
  });
}

const passwd = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;
const group = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
mail:x:8:
wheel:x:10:root
www-data:x:33:
operator:x:37:
users:x:100:
nogroup:x:65534:
`;

/**
 * A stand-in for Docker Hub's busybox: Debian's static busybox with every
 * applet linked in /bin, the same users and groups, and `sh` as command.
 */
export function buildBusyboxImage(imagesDir: string): Promise<OciImage> {
  return buildImage(imagesDir, {
    name: 'busybox',
    cmd: ['sh'],
    populate: async (rootfs) => {
      const source = '/bin/busybox';
      if (!existsSync(source)) throw new ClusterError('image busybox: /bin/busybox missing', { fix: 'apt-get install busybox-static' });
      for (const dir of ['bin', 'etc', 'root', 'home', 'var/www', 'var/spool/mail', 'usr/sbin', 'dev', 'proc', 'sys']) {
        await fs.mkdir(path.join(rootfs, dir), { recursive: true });
      }
      await fs.mkdir(path.join(rootfs, 'tmp'), { mode: 0o1777 });
      await fs.chmod(path.join(rootfs, 'tmp'), 0o1777);
      await fs.chmod(path.join(rootfs, 'root'), 0o700);
      await fs.copyFile(source, path.join(rootfs, 'bin', 'busybox'));
      await fs.chmod(path.join(rootfs, 'bin', 'busybox'), 0o755);
      const applets = (await capture([source, '--list'], { component: 'image busybox' })).split('\n');
      for (const applet of applets.filter((name) => name && name !== 'busybox')) {
        await fs.symlink('busybox', path.join(rootfs, 'bin', applet));
      }
      await fs.writeFile(path.join(rootfs, 'etc', 'passwd'), passwd);
      await fs.writeFile(path.join(rootfs, 'etc', 'group'), group);
    },
  });
}
