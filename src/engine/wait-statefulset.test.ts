import { describe, expect, it } from 'vitest';
import type { V1StatefulSet } from '@kubernetes/client-node';
import { statefulSetSettled } from './wait-statefulset.ts';

const sts = (status: V1StatefulSet['status'], generation = 1): V1StatefulSet => ({ metadata: { name: 'db', generation }, spec: { replicas: 3, selector: {}, serviceName: 'db', template: {} }, status });

describe('statefulSetSettled', () => {
  it.each([
    ['every replica ready on one revision', { replicas: 3, readyReplicas: 3, updatedReplicas: 3, observedGeneration: 1, currentRevision: 'a', updateRevision: 'a' }, 1, true],
    ['a replica still coming up', { replicas: 2, readyReplicas: 2, updatedReplicas: 2, observedGeneration: 1, currentRevision: 'a', updateRevision: 'a' }, 1, false],
    ['ready but an update rolling', { replicas: 3, readyReplicas: 3, updatedReplicas: 1, observedGeneration: 2, currentRevision: 'a', updateRevision: 'b' }, 2, false],
    ['the latest spec not yet observed', { replicas: 3, readyReplicas: 3, updatedReplicas: 3, observedGeneration: 1, currentRevision: 'a', updateRevision: 'a' }, 2, false],
    ['no status yet', undefined, 1, false],
  ])('%s', (_, status, generation, done) => {
    expect(statefulSetSettled(sts(status as V1StatefulSet['status'], generation)).done).toBe(done);
  });

  it('says what it saw', () => {
    expect(statefulSetSettled(undefined)).toEqual({ done: false, seen: 'no such StatefulSet' });
    expect(statefulSetSettled(sts({ replicas: 3, readyReplicas: 1, updatedReplicas: 3, observedGeneration: 1, currentRevision: 'a', updateRevision: 'a' })).seen).toBe('1/3 ready, 3 updated of 3, currentRevision a (update a)');
  });
});
