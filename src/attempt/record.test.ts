import { describe, expect, it } from 'vitest';
import { AttemptTamperedError, decodeRecord, encodeRecord, isForeignRecord, type AttemptRecord } from './record.ts';

const key = Buffer.alloc(32, 7);
const record: AttemptRecord = {
  scenario: 'crashloop-exit1',
  namespace: 'crashloop',
  startedAt: '2026-11-23T18:00:00.000Z',
  hintsUsed: 1,
  revealed: false,
  fingerprint: { 'Deployment/api': 'uid-1' },
  nodeResources: [],
  clusterObjects: [],
  state: 'active',
};

describe('attempt record', () => {
  it('round-trips through namespace annotations', () => {
    const annotations = encodeRecord(record, key);
    expect(decodeRecord({ metadata: { name: 'crashloop', annotations } }, key)).toEqual(record);
  });

  it('detects an edited record (hints reset to 0)', () => {
    const annotations = encodeRecord(record, key);
    const edited = { ...annotations, 'kubedrill.io/attempt': annotations['kubedrill.io/attempt']!.replace('"hintsUsed":1', '"hintsUsed":0') };
    expect(() => decodeRecord({ metadata: { name: 'crashloop', annotations: edited } }, key)).toThrow(AttemptTamperedError);
  });

  it('detects a record signed with another key', () => {
    const annotations = encodeRecord(record, Buffer.alloc(32, 8));
    expect(() => decodeRecord({ metadata: { name: 'crashloop', annotations } }, key)).toThrow(AttemptTamperedError);
  });

  it('tells another key\'s record (foreign) from an edit of ours', () => {
    const theirs = encodeRecord(record, Buffer.alloc(32, 8));
    const ours = encodeRecord(record, key);
    expect(isForeignRecord({ metadata: { annotations: theirs } }, key)).toBe(true);
    const edited = { ...ours, 'kubedrill.io/attempt': ours['kubedrill.io/attempt']!.replace('"revealed":false', '"revealed":true') };
    expect(isForeignRecord({ metadata: { annotations: edited } }, key)).toBe(false);
    expect(() => decodeRecord({ metadata: { name: 'crashloop', annotations: edited } }, key)).toThrow(AttemptTamperedError);
  });

  it('returns undefined for a namespace without a record', () => {
    expect(decodeRecord({ metadata: { name: 'x' } }, key)).toBeUndefined();
  });
});
