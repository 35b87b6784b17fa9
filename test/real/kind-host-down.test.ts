import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { $ } from 'zx';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostState, type HostState } from '../kind-host/host-state.ts';

// The kind test host leaves the machine as it found it: run.sh records the
// host's state (test/kind-host/host-state.ts) before `host.sh up`; after the
// kind phase this takes it down and compares. Run it only there
// (KD_KIND_HOST_BEFORE names the recording).
const beforeFile = process.env.KD_KIND_HOST_BEFORE;
let before: HostState;
let after: HostState;
let engine: number[] = [];

/** Every process of the engine while it runs: in its network namespace, in its cgroups, or named by its pid files. */
function engineProcesses(): number[] {
  const pids = new Set<number>();
  const netns = spawnSync('ip', ['netns', 'pids', 'kubedrill-kind'], { encoding: 'utf8' }).stdout ?? '';
  for (const line of netns.split('\n').filter(Boolean)) pids.add(Number(line));
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const line of readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) pids.add(Number(line));
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  for (const hierarchy of readdirSync('/sys/fs/cgroup')) walk(join('/sys/fs/cgroup', hierarchy, 'kubedrill-kind'));
  const state = '/run/kubedrill-kind';
  for (const file of existsSync(state) ? readdirSync(state).filter((f) => f.endsWith('.pid')) : []) pids.add(Number(readFileSync(join(state, file), 'utf8').trim()));
  return [...pids].filter((pid) => pid > 0);
}

// What the engine and a node run: a process by one of these names that was not there before is a leak, whoever its parent now.
const ENGINE_COMMANDS = /\b(dockerd|containerd|containerd-shim[\w-]*|docker-registry|runc|kubelet|kube-[\w-]+|etcd|coredns|systemd[\w-]*|kindnetd)\b/;

/** Processes of the engine (recorded before down, or by name) still running after it; a zombie has exited and holds nothing but its pid. */
function leftovers(): HostState['processes'] {
  const known = new Set(before.processes.map((p) => `${p.pid} ${p.command}`));
  return after.processes.filter((p) => p.state !== 'Z' && (engine.includes(p.pid) || (ENGINE_COMMANDS.test(p.command) && !known.has(`${p.pid} ${p.command}`))));
}

describe.skipIf(!beforeFile)('the kind test host, taken down, leaves nothing behind', () => {
  beforeAll(async () => {
    before = JSON.parse(readFileSync(beforeFile!, 'utf8')) as HostState;
    engine = engineProcesses();
    await $({ stdio: 'inherit' })`bash test/kind-host/host.sh down`;
    after = hostState();
  }, 300_000);

  it('no process of the engine, the mirror or a node is left', () => {
    // dockerd, its containerd and the registry at least (the nodes are gone with `kubedrill down`).
    expect(engine.length).toBeGreaterThanOrEqual(3);
    expect(leftovers()).toEqual([]);
  });
  it('mounts, cgroups and the files dockerd and kind write are as they were', () => {
    expect([...after.mounts].sort()).toEqual([...before.mounts].sort());
    expect(after.cgroups).toEqual(before.cgroups);
    expect(after.files).toEqual(before.files);
  });
  it('the host firewall and network are as they were (the engine lived in its own namespace)', () => {
    expect(after.iptables).toEqual(before.iptables);
    expect(after.network).toEqual(before.network);
  });
  it('no global sysctl changed (the nodes saw /proc/sys read-only)', () => {
    const changed = Object.keys(before.sysctls).filter((name) => after.sysctls[name] !== before.sysctls[name]);
    expect(Object.fromEntries(changed.map((name) => [name, { before: before.sysctls[name], after: after.sysctls[name] }]))).toEqual({});
  });
});
