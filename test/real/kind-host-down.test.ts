import { readFileSync } from 'node:fs';
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

/** Processes started since the recording that are not this test's own (its runner's descendants). */
function newProcesses(): HostState['processes'] {
  const known = new Set(before.processes.map((p) => `${p.pid} ${p.command}`));
  const byPid = new Map(after.processes.map((p) => [p.pid, p]));
  // The nearest ancestor of this process that was already there (run.sh): everything under it is the test run itself.
  let anchor = process.pid;
  while (anchor > 1 && !known.has(`${anchor} ${byPid.get(anchor)?.command}`)) anchor = byPid.get(anchor)?.ppid ?? 1;
  const under = (pid: number): boolean => {
    for (let p = byPid.get(pid); p && p.pid > 1; p = byPid.get(p.ppid)) if (p.pid === anchor && anchor > 1) return true;
    return false;
  };
  // A zombie has exited and holds nothing but its pid until its parent (here often PID 1) reaps it.
  return after.processes.filter((p) => !known.has(`${p.pid} ${p.command}`) && p.ppid !== 2 && p.pid !== 2 && p.state !== 'Z' && !under(p.pid));
}

describe.skipIf(!beforeFile)('the kind test host, taken down, leaves nothing behind', () => {
  beforeAll(async () => {
    before = JSON.parse(readFileSync(beforeFile!, 'utf8')) as HostState;
    await $({ stdio: 'inherit' })`bash test/kind-host/host.sh down`;
    after = hostState();
  }, 300_000);

  it('no process of the engine, the mirror or a node is left', () => {
    expect(newProcesses()).toEqual([]);
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
