import { ClusterError } from '../errors.ts';
import type { CommandRunner } from './run.ts';
import { tail } from './run.ts';

/** A container engine kind can run nodes on. */
export type EngineName = 'docker' | 'podman';

/** An engine that answered, and the cgroup version of the host it runs containers on. */
export interface Engine {
  name: EngineName;
  cgroupVersion: 1 | 2;
}

/** Options for {@link detectEngine}. */
export interface DetectEngineOptions {
  runner: CommandRunner;
  /** Per probe (default 5000): a wedged daemon socket must not hang `up`. */
  timeoutMs?: number;
  /** `KIND_EXPERIMENTAL_PROVIDER` as the user set it: that engine is asked first. */
  preferred?: string;
}

/**
 * The `info` call for each engine: it answers only when the daemon (or the
 * podman machine) is up, and prints the cgroup version of the engine's host,
 * which is where the kind node's kubelet will run (a VM on macOS).
 */
const probes: Record<EngineName, string[]> = {
  docker: ['docker', 'info', '--format', '{{.CgroupVersion}}'],
  podman: ['podman', 'info', '--format', '{{.Host.CgroupsVersion}}'],
};

/** What each probe said, for the "none answered" message. */
export interface EngineProbe {
  name: EngineName;
  answered: boolean;
  detail: string;
}

/** Ask docker, then podman (or the preferred one first); the first that answers wins. */
export async function probeEngines(options: DetectEngineOptions): Promise<{ engine: Engine | null; tried: EngineProbe[] }> {
  const order: EngineName[] = options.preferred === 'podman' ? ['podman', 'docker'] : ['docker', 'podman'];
  const tried: EngineProbe[] = [];
  for (const name of order) {
    const result = await options.runner(probes[name], { timeoutMs: options.timeoutMs ?? 5000 });
    if (result.exitCode === 0) {
      // docker prints "1"/"2", podman "v1"/"v2"; an engine too old to know says "" → assume v2.
      const cgroupVersion = result.stdout.trim().replace(/^v/, '') === '1' ? 1 : 2;
      tried.push({ name, answered: true, detail: `cgroup v${cgroupVersion}` });
      return { engine: { name, cgroupVersion }, tried };
    }
    const detail = result.exitCode === 127 ? 'not installed' : tail(result, 1) || `exit ${result.exitCode}`;
    tried.push({ name, answered: false, detail });
  }
  return { engine: null, tried };
}

/** The engine kind should use, or null when none answers. */
export async function detectEngine(options: DetectEngineOptions): Promise<Engine | null> {
  return (await probeEngines(options)).engine;
}

/** How to get an engine running, shown with exit 3. */
export const engineFix = [
  'kind runs Kubernetes nodes as containers and needs Docker or Podman running:',
  '  Docker: start Docker Desktop, or `sudo systemctl start docker`; check with `docker info`',
  '  Podman: `podman machine start` (macOS/Windows); check with `podman info`',
  'Or pick another provider: `kubedrill up --provider local` (Linux, as root) or',
  '`kubedrill up --provider existing --context C` (a cluster you already have).',
].join('\n');

/** The engine that answers; ClusterError (exit 3) naming what was tried when none does. */
export async function requireEngine(options: DetectEngineOptions): Promise<Engine> {
  const { engine, tried } = await probeEngines(options);
  if (engine) return engine;
  const seen = tried.map((probe) => `${probe.name}: ${probe.detail}`).join('; ');
  throw new ClusterError(`no container engine answers (${seen})`, {
    command: tried.map((probe) => probes[probe.name].join(' ')).join(' / '),
    fix: engineFix,
  });
}
