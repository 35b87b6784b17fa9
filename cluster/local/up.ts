import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClusterError } from '../errors.ts';
import { learnerRecordFile, mergeLearnerKubeconfig } from '../learner-kubeconfig.ts';
import type { ClusterAccess, UpOptions } from '../provider.ts';
import type { Progress } from '../progress.ts';
import { ensureBinaries, type BinaryPaths } from './build.ts';
import { ensureComponent } from './components.ts';
import { httpOk } from './health.ts';
import { ensureContainerd } from './containerd.ts';
import { apiserver, controllerManager, etcd, scheduler, type ComponentContext } from './control-plane.ts';
import { loadClusterFile, type ClusterFile } from './cluster-file.ts';
import { buildBusyboxImage, buildCorednsImage, buildPauseImage, type OciImage } from './images.ts';
import { imageBaseName, parseImageRef } from './image-ref.ts';
import { kubectl } from './kubectl.ts';
import { clusterAdminsBinding, coredns, kubeRouterRbac } from './manifests.ts';
import { ensureEgressGuard, ensureNodeAddress, writeCniConfig } from './network.ts';
import { kubelet, kubeProxy, kubeRouter } from './node.ts';
import { ensurePackages } from './packages.ts';
import { ensurePki } from './pki.ts';
import { ensureRegistry, pushImage } from './registry.ts';
import { decoyImage, network, systemImages, type LocalPaths } from './settings.ts';
import { logPath, type SupervisorDirs } from './supervisor.ts';

/** Bring the local cluster up, step by step; each step is quick when already done. */
export async function upCluster(paths: LocalPaths, options: UpOptions): Promise<ClusterAccess> {
  const { progress } = options;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new ClusterError('local: the local provider runs Kubernetes as host processes and needs Linux and root', {
      fix: 'run as root on Linux, or use --provider kind',
    });
  }
  const dirs: SupervisorDirs = { run: paths.run, logs: paths.logs };
  await progress.step('packages', () => ensurePackages({ logDir: paths.logs, info: (line) => progress.info(line) }));
  const cluster = await progress.step('host', () => loadClusterFile(paths, { listen: options.listen }));
  await progress.step(`node address ${cluster.nodeAddress} (this host only)`, () => ensureNodeAddress());
  const binaries = await ensureBinaries({ cacheDir: paths.cache, progress });
  await progress.step('kubectl link', () => linkKubectl(paths, binaries));
  const context: ComponentContext = { paths, binaries, nodeAddress: cluster.nodeAddress, apiAddress: cluster.apiAddress };
  const images = await progress.step('images', () => buildImages(paths, binaries));
  await progress.step('certificates and kubeconfigs', () => ensurePki({ paths, binaries, nodeAddress: cluster.nodeAddress, apiAddress: cluster.apiAddress }));
  await progress.step('egress guard', () => ensureEgressGuard());
  await progress.step('registry', async () => {
    await ensureRegistry({ dirs, configDir: paths.config, dataDir: paths.registryData });
    for (const [image, source] of imagePlan(options.images, images)) await pushImage({ source, image, logs: paths.logs });
  });
  await progress.step('containerd', () => ensureContainerd(paths, dirs));
  for (const component of [etcd(context), apiserver(context), controllerManager(context), scheduler(context)]) {
    await ensureComponent(component, { dirs, progress });
  }
  const kube = { paths, binaries, component: 'bootstrap' };
  await progress.step('cluster RBAC', async () => {
    await kubectl(['apply', '-f', '-'], { ...kube, superAdmin: true, input: clusterAdminsBinding });
    await kubectl(['apply', '-f', '-'], { ...kube, input: kubeRouterRbac });
  });
  await ensureComponent(kubelet(context), { dirs, progress });
  await progress.step('pod network (CNI)', async () => {
    const podCidr = await waitFor('node pod CIDR', 120_000, dirs, 'kubelet', async () => {
      const result = await kubectl(['get', 'node', network.nodeName, '-o', 'jsonpath={.spec.podCIDR}'], { ...kube, allowFail: true });
      return result.exitCode === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
    });
    await writeCniConfig(paths, podCidr);
  });
  await ensureComponent(kubeProxy(context), { dirs, progress });
  await ensureComponent(kubeRouter(context), { dirs, progress });
  await progress.step('node Ready', () =>
    waitFor('node Ready', 180_000, dirs, 'kubelet', async () => {
      const result = await kubectl(['get', 'node', network.nodeName, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}'], { ...kube, allowFail: true });
      return result.stdout.trim() === 'True' ? true : undefined;
    }),
  );
  await progress.step('CoreDNS', async () => {
    await kubectl(['apply', '-f', '-'], { ...kube, component: 'coredns', input: coredns });
    // The API may still show a pod that died with the host's processes as Ready;
    // only CoreDNS's own /ready endpoint (reached from the host) proves it serves.
    await waitFor('CoreDNS /ready', 240_000, dirs, 'kubelet', async () => {
      const ips = await kubectl(['-n', 'kube-system', 'get', 'pods', '-l', 'k8s-app=kube-dns', '-o', 'jsonpath={.items[*].status.podIP}'], { ...kube, allowFail: true });
      for (const ip of ips.stdout.trim().split(/\s+/).filter(Boolean)) if (await httpOk(`http://${ip}:8181/ready`)) return true;
      return undefined;
    });
  });
  await progress.step('kubectl context in your kubeconfig', () => mergeIntoLearnerKubeconfig(paths, options.progress));
  return { provider: 'local', kubeconfig: paths.kubeconfig, context: network.context };
}

/**
 * Merge `kubedrill-local` into the learner's kubeconfig (again at every `up`:
 * certificates change after a down/up). A kubeconfig we cannot merge into does
 * not fail `up`: the cluster works, and the closing line says how to reach it.
 */
export async function mergeIntoLearnerKubeconfig(paths: LocalPaths, progress: Progress): Promise<void> {
  try {
    const file = await mergeLearnerKubeconfig({
      source: paths.kubeconfig,
      context: network.context,
      record: learnerRecordFile(paths.home),
      env: { kubeconfig: process.env.KUBECONFIG },
    });
    progress.info(`context ${network.context} merged into ${file} (current context)`);
  } catch (error) {
    const fix = error instanceof ClusterError && error.fix ? `; ${error.fix}` : '';
    progress.info(`kubectl context not merged: ${error instanceof Error ? error.message : String(error)}${fix}`);
  }
}

/** Scenario images (+ the decoy) and system images, each with the layout it is served from. */
function imagePlan(requested: string[], images: Record<string, OciImage>): Array<[string, OciImage]> {
  const plan: Array<[string, OciImage]> = [
    [systemImages.pause, images.pause as OciImage],
    [systemImages.coredns, images.coredns as OciImage],
  ];
  const wanted = new Set([...requested, decoyImage.from, decoyImage.image]);
  for (const image of wanted) {
    const ref = parseImageRef(image);
    const source = ref.host === 'docker.io' ? images[imageBaseName(ref)] : undefined;
    if (!source || imageBaseName(ref) !== 'busybox') {
      throw new ClusterError(`registry: no local source for image ${image}; the local provider serves busybox images only`, {
        fix: 'use busybox:<tag> in scenarios, or the kind/existing provider',
      });
    }
    plan.push([image, source]);
  }
  return plan;
}

async function buildImages(paths: LocalPaths, binaries: BinaryPaths): Promise<Record<string, OciImage>> {
  return {
    pause: await buildPauseImage(paths.images),
    busybox: await buildBusyboxImage(paths.images),
    coredns: await buildCorednsImage(paths.images, binaries.coredns ?? 'coredns'),
  };
}

/** `$KUBEDRILL_HOME/bin/kubectl` → the built kubectl, for learners' solution scripts. */
async function linkKubectl(paths: LocalPaths, binaries: BinaryPaths): Promise<void> {
  const target = binaries.kubectl;
  if (!target) return;
  const link = path.join(paths.binDir, 'kubectl');
  if (existsSync(link) && (await fs.readlink(link).catch(() => '')) === target) return;
  await fs.mkdir(paths.binDir, { recursive: true });
  await fs.rm(link, { force: true });
  await fs.symlink(target, link);
}

/** Poll until `probe` yields a value; fail naming the component whose log explains why. */
async function waitFor<T>(what: string, timeoutMs: number, dirs: SupervisorDirs, component: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new ClusterError(`${component}: ${what} not reached after ${timeoutMs / 1000}s`, { logPath: logPath(dirs, component) });
    }
    await sleep(1000);
  }
}

export type { ClusterFile };
