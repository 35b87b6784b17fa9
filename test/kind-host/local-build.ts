// The kind test host's share of the local provider's build: every Go binary
// (Kubernetes with kubeadm, etcd, CoreDNS, kube-router) into the shared cache,
// and the pause and busybox images into the test host's cache, each built once.
// host.sh runs it; the node image is assembled from what it leaves.
import path from 'node:path';
import { ensureBinaries } from '../../cluster/local/build.ts';
import { buildBusyboxImage, buildPauseImage } from '../../cluster/local/images.ts';
import { ensurePackages } from '../../cluster/local/packages.ts';
import { localPaths } from '../../cluster/local/settings.ts';
import { createProgress } from '../../cluster/progress.ts';

const { cache } = localPaths();
const progress = createProgress();
const images = path.join(cache, 'kind-host', 'images');
await progress.step('packages', () => ensurePackages({ logDir: path.join(cache, 'kind-host'), info: (line) => progress.info(line) }));
await ensureBinaries({ cacheDir: cache, progress });
await progress.step('image pause', () => buildPauseImage(images));
await progress.step('image busybox', () => buildBusyboxImage(images));
