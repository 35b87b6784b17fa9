import { describe, expect, it } from 'vitest';
import { checkListen, hostIPv4Addresses } from './listen.ts';

describe('checkListen (up --listen)', () => {
  const host = ['127.0.0.1', '198.19.0.1', '192.168.1.20'];

  it('takes an IPv4 address of this host', () => {
    expect(checkListen('local', '192.168.1.20', host)).toBe('192.168.1.20');
  });

  it.each([
    ['0.0.0.0', /no single address/],
    ['127.0.0.1', /no single address/],
    ['lan', /not an IPv4 address/],
    ['::1', /not an IPv4 address/],
    ['192.168.1.21', /no interface of this host has that address/],
  ])('refuses %s with a fix', (listen, message) => {
    let error: (Error & { fix?: string }) | undefined;
    try {
      checkListen('kind', listen, host);
    } catch (e) {
      error = e as Error & { fix?: string };
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).toMatch(/^kind: /);
    expect(error?.fix).toMatch(/--listen/);
  });

  it("reads this host's addresses, loopback among them", () => {
    expect(hostIPv4Addresses()).toContain('127.0.0.1');
  });
});
