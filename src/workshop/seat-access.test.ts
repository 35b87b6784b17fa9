import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { grantSeat, MIN_TOKEN_SECONDS, seatKubeconfig, seatToken, tokenExpiry } from './seat-access.ts';
import type { SeatApis } from './seat-access.ts';

const jwt = (claims: object): string => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

describe('seat access', () => {
  it('writes a kubeconfig with the seat token and its first namespace, nothing of the instructor', () => {
    const config = parse(seatKubeconfig({ workshop: 'ws', seat: 'ana', server: 'https://10.0.0.5:6443', certificateAuthorityData: 'Q0E=', token: 't0k', namespace: 'ana-crashloop' }));
    expect(config['current-context']).toBe('ws-ana');
    expect(config.contexts[0].context).toEqual({ cluster: 'ws', user: 'ws-ana', namespace: 'ana-crashloop' });
    expect(config.users).toEqual([{ name: 'ws-ana', user: { token: 't0k' } }]);
    expect(config.clusters[0].cluster).toEqual({ server: 'https://10.0.0.5:6443', 'certificate-authority-data': 'Q0E=' });
  });

  it('asks for a token lasting until the end, never under the API minimum of ten minutes', async () => {
    const asked: number[] = [];
    const apis = { core: { createNamespacedServiceAccountToken: async (r: { body: { spec: { expirationSeconds: number } } }) => (asked.push(r.body.spec.expirationSeconds), { status: { token: 'x', expirationTimestamp: new Date(0) } }) } } as unknown as SeatApis;
    const now = new Date('2026-12-03T10:00:00Z');
    await seatToken(apis, { control: 'c', seat: 's' }, new Date('2026-12-03T10:45:00Z'), now);
    await seatToken(apis, { control: 'c', seat: 's' }, new Date('2026-12-03T10:01:00Z'), now);
    expect(asked).toEqual([2700, MIN_TOKEN_SECONDS]);
  });

  it('reads the exp claim', () => {
    expect(tokenExpiry(jwt({ exp: 1_800_000_000 }))).toEqual(new Date(1_800_000_000_000));
    expect(tokenExpiry(jwt({}))).toBeUndefined();
  });

  it('is idempotent: an existing ServiceAccount is kept, an existing binding replaced', async () => {
    const calls: string[] = [];
    const exists = Object.assign(new Error('HTTP-Code: 409 Message: AlreadyExists'), { code: 409 });
    const apis = {
      core: { createNamespacedServiceAccount: async () => (calls.push('sa'), Promise.reject(exists)) },
      rbac: {
        createNamespacedRoleBinding: async (r: { namespace: string }) => (calls.push(`create ${r.namespace}`), Promise.reject(exists)),
        replaceNamespacedRoleBinding: async (r: { namespace: string; body: { roleRef: { name: string }; subjects: Array<{ namespace: string }> } }) => {
          calls.push(`replace ${r.namespace} → ${r.body.roleRef.name} for ${r.body.subjects[0]!.namespace}`);
          return {};
        },
      },
    } as unknown as SeatApis;
    await grantSeat(apis, { workshop: 'ws', control: 'ws-control', seat: 'ana', namespaces: ['ana-a', 'ana-b'] });
    expect(calls).toEqual(['sa', 'create ana-a', 'replace ana-a → admin for ws-control', 'create ana-b', 'replace ana-b → admin for ws-control']);
  });
});
