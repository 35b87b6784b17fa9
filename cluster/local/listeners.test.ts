import { describe, expect, it } from 'vitest';
import { exposedBeyond, formatListener, parseSs, type OwnedListener } from './listeners.ts';

// `ss -H -l -n -t -u -p` as printed on a Debian 12 host with the local provider up
// (trimmed; the kubelet line is the one from before least exposure).
const ss = `tcp   LISTEN 0      4096       127.0.0.1:2379       0.0.0.0:*    users:(("etcd",pid=4101,fd=8))
tcp   LISTEN 0      4096      198.19.0.1:6443       0.0.0.0:*    users:(("kube-apiserver",pid=4180,fd=3))
tcp   LISTEN 0      4096               *:10250            *:*    users:(("kubelet",pid=4420,fd=22))
tcp   LISTEN 0      4096           [::1]:5055          [::]:*    users:(("docker-registry",pid=3990,fd=3),("docker-registry",pid=3990,fd=4))
tcp   LISTEN 0      4096            [::]:20244         [::]:*    users:(("kube-router",pid=4600,fd=9))
udp   UNCONN 0      0      127.0.0.53%lo:53         0.0.0.0:*    users:(("systemd-resolve",pid=300,fd=13))
tcp   LISTEN 0      128          0.0.0.0:22         0.0.0.0:*`;

describe('parseSs', () => {
  it('reads protocol, bound address, port and owning pids', () => {
    expect(parseSs(ss)).toEqual([
      { protocol: 'tcp', address: '127.0.0.1', port: 2379, pids: [4101] },
      { protocol: 'tcp', address: '198.19.0.1', port: 6443, pids: [4180] },
      { protocol: 'tcp', address: '0.0.0.0', port: 10250, pids: [4420] },
      { protocol: 'tcp', address: '::1', port: 5055, pids: [3990] },
      { protocol: 'tcp', address: '::', port: 20244, pids: [4600] },
      { protocol: 'udp', address: '127.0.0.53', port: 53, pids: [300] },
      { protocol: 'tcp', address: '0.0.0.0', port: 22, pids: [] },
    ]);
  });
});

describe('exposedBeyond', () => {
  const owned = (component: string, address: string, port: number): OwnedListener => ({ component, address, port, protocol: 'tcp', pids: [1] });
  const node = '198.19.0.1';

  it('lets loopback and the node address through, and nothing on every interface', () => {
    const listeners = [owned('etcd', '127.0.0.1', 2379), owned('registry', '::1', 5055), owned('kubelet', node, 10250), owned('kube-router', '::', 20244), owned('kubelet', '0.0.0.0', 10255)];
    expect(exposedBeyond(listeners, { nodeAddress: node, apiAddress: node }).map(formatListener)).toEqual(['[::]:20244', '0.0.0.0:10255']);
  });

  it('lets only the API server onto the --listen address', () => {
    const lan = '192.168.1.20';
    const listeners = [owned('kube-apiserver', lan, 6443), owned('kubelet', lan, 10250)];
    expect(exposedBeyond(listeners, { nodeAddress: node, apiAddress: lan }).map((l) => l.component)).toEqual(['kubelet']);
    expect(exposedBeyond([owned('kube-apiserver', lan, 6443)], { nodeAddress: node, apiAddress: node })).toHaveLength(1);
  });
});
