import type { V1NetworkPolicyPort } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { none, range, union } from './intervals.ts';
import { allPorts, describePorts, everyPort, perProtocol, portSpec, resolvePorts } from './ports.ts';
import type { PortSpec } from './ports.ts';

const tcp = (set: typeof none): PortSpec['numbers'] => ({ TCP: set, UDP: none, SCTP: none });

describe('portSpec', () => {
  it.each<[string, V1NetworkPolicyPort[] | undefined, PortSpec]>([
    ['absent: every port', undefined, everyPort],
    ['empty: every port', [], everyPort],
    ['protocol defaults to TCP', [{ port: 5432 }], { numbers: tcp(range(5432)), named: [] }],
    ['protocol only: every port of it', [{ protocol: 'UDP' }], { numbers: { TCP: none, UDP: allPorts, SCTP: none }, named: [] }],
    ['endPort range', [{ protocol: 'TCP', port: 1, endPort: 65535 }], { numbers: tcp(allPorts), named: [] }],
    ['ranges skipping one port', [{ port: 1, endPort: 5431 }, { port: 5433, endPort: 65535 }], { numbers: tcp(union(range(1, 5431), range(5433, 65535))), named: [] }],
    ['DNS', [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }], { numbers: { TCP: range(53), UDP: range(53), SCTP: none }, named: [] }],
    ['SCTP', [{ protocol: 'SCTP', port: 9 }], { numbers: { TCP: none, UDP: none, SCTP: range(9) }, named: [] }],
    ['named port', [{ protocol: 'TCP', port: 'postgres' }], { numbers: tcp(none), named: [{ protocol: 'TCP', name: 'postgres' }] }],
    ['digits in a string are a number', [{ port: '443' }], { numbers: tcp(range(443)), named: [] }],
  ])('%s', (_name, ports, want) => {
    expect(portSpec(ports)).toEqual(want);
  });
});

describe('resolvePorts', () => {
  const spec = portSpec([{ port: 'postgres' }, { port: 80 }]);
  it('resolves a name against the container ports of that name and protocol', () => {
    const got = resolvePorts(spec, [{ name: 'postgres', containerPort: 5432 }, { name: 'postgres', containerPort: 53, protocol: 'UDP' }]);
    expect(got).toEqual({ numbers: tcp(union(range(80), range(5432))), unresolved: [] });
  });
  it('a name the pod does not declare matches nothing', () => {
    expect(resolvePorts(spec, [{ name: 'http', containerPort: 8080 }])).toEqual({ numbers: tcp(range(80)), unresolved: [] });
  });
  it('unknown containers leave it unresolved', () => {
    expect(resolvePorts(spec, 'unknown')).toEqual({ numbers: tcp(range(80)), unresolved: [{ protocol: 'TCP', name: 'postgres' }] });
  });
  it('numbers only need no containers', () => {
    expect(resolvePorts(everyPort, 'unknown')).toEqual({ numbers: perProtocol(allPorts), unresolved: [] });
  });
});

it('describes ports', () => {
  expect(describePorts('TCP', { lo: 5432, hi: 5432 })).toBe('TCP 5432');
  expect(describePorts('UDP', { lo: 1, hi: 65535 })).toBe('UDP 1-65535');
});
