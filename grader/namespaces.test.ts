import { describe, expect, it } from 'vitest';
import { check, context } from './fixtures/test-context.ts';
import { replayProbe } from './fixtures/replay.ts';
import { snapshot, workload } from './fixtures/builders.ts';
import { grade } from './index.ts';

describe('a check with namespace: <role> reads that namespace of the attempt', () => {
  const main = snapshot();
  const data = { ...snapshot(workload('db', { replicas: 1 })), namespace: 'eb-data' };
  const ctx = { ...context({ ...main, others: { data } }), namespaces: { main: 'drill', data: 'eb-data' }, probes: { data: replayProbe([]) }, fingerprint: { 'Deployment/db': 'main-uid', 'data:Deployment/db': data.deployments[0]!.metadata!.uid! } };

  it('its snapshot, its identities, and its namespace in the verdict', async () => {
    const [inData, inMain] = await grade([check('rolloutComplete', { workload: 'db', replicas: 1, namespace: 'data' }), check('rolloutComplete', { workload: 'db', replicas: 1 })], ctx);
    expect(inData).toMatchObject({ passed: true, where: { namespace: 'eb-data' } });
    expect(inMain).toMatchObject({ passed: false, where: { namespace: 'drill' } });
    expect(inMain!.reason).toContain('not found in namespace drill');
  });

  it('a role the attempt did not read fails the check with the reason, never throws', async () => {
    const [verdict] = await grade([check('rolloutComplete', { workload: 'db', replicas: 1, namespace: 'cache' })], ctx);
    expect(verdict).toMatchObject({ passed: false });
    expect(verdict!.reason).toContain('no snapshot of the attempt\'s namespace with role cache');
  });
});
