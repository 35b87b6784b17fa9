import fs from 'node:fs/promises';
import path from 'node:path';
import { ClusterError } from '../errors.ts';
import { run } from './run.ts';

/** Debian packages the local provider runs or builds with. */
export const requiredPackages = [
  'containerd',
  'runc',
  'containernetworking-plugins',
  'iptables',
  'ipset',
  'conntrack',
  'socat',
  'iproute2',
  'util-linux',
  'busybox-static',
  'umoci',
  'skopeo',
  'docker-registry',
  'gcc',
  'libc6-dev',
] as const;

/** The subset of `names` dpkg does not report as installed. */
export async function missingPackages(names: readonly string[]): Promise<string[]> {
  const result = await run(['dpkg-query', '-W', '-f=${Package} ${db:Status-Status}\n', ...names], {
    component: 'packages',
    allowFail: true,
  });
  const installed = new Set(
    result.stdout
      .split('\n')
      .filter((line) => line.endsWith(' installed'))
      .map((line) => line.split(' ')[0]),
  );
  return names.filter((name) => !installed.has(name));
}

/**
 * Install whatever is missing of `packages` (default: the local provider's)
 * with apt-get (update first). While it runs, a
 * policy-rc.d keeps Debian from starting the packages' own services (a system
 * containerd or registry would compete for ports and state).
 */
export async function ensurePackages(options: { logDir: string; info: (line: string) => void; packages?: readonly string[] }): Promise<void> {
  const missing = await missingPackages(options.packages ?? requiredPackages);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new ClusterError(`packages: missing ${missing.join(', ')} and not running as root`, {
      fix: `run as root, or: apt-get install ${missing.join(' ')}`,
    });
  }
  options.info(`installing ${missing.join(', ')}`);
  await fs.mkdir(options.logDir, { recursive: true });
  const logPath = path.join(options.logDir, 'apt.log');
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !(await fs.stat(policy).catch(() => null));
  if (ownPolicy) await fs.writeFile(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    const update = await run(['apt-get', 'update'], { component: 'packages', env, allowFail: true });
    const install = await run(['apt-get', 'install', '-y', '--no-install-recommends', ...missing], {
      component: 'packages',
      env,
      allowFail: true,
    });
    await fs.writeFile(logPath, [update.stdout, update.stderr, install.stdout, install.stderr].join('\n'));
    if (install.exitCode !== 0) {
      throw new ClusterError(`packages: apt-get install ${missing.join(' ')} failed`, {
        command: `apt-get install -y ${missing.join(' ')}`,
        output: install.stderr,
        logPath,
      });
    }
  } finally {
    if (ownPolicy) await fs.rm(policy, { force: true });
  }
}
