import { describe, expect, it } from 'vitest';
import { listenAddress } from './cluster-file.ts';
import { network } from './settings.ts';

describe('listenAddress (up --listen)', () => {
  it('is the node address without --listen', async () => {
    expect(await listenAddress(undefined)).toBe(network.nodeAddress);
  });

  it.each([
    ['0.0.0.0', /no single address/],
    ['127.0.0.1', /no single address/],
    ['lan', /not an IPv4 address/],
    ['::1', /not an IPv4 address/],
  ])('refuses %s with a fix', async (listen, message) => {
    const error = (await listenAddress(listen).catch((e: unknown) => e)) as Error & { fix?: string };
    expect(error.message).toMatch(message);
    expect(error.fix).toMatch(/--listen/);
  });
});
