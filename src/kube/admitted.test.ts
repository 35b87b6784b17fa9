import { describe, expect, it } from 'vitest';
import { admittedApi } from './client.ts';

describe('admittedApi', () => {
  it('tries a request again after a 429, passes other errors and plain methods through', async () => {
    let calls = 0;
    const api = admittedApi({
      async list(ns: string): Promise<string> {
        calls++;
        if (calls === 1) throw Object.assign(new Error('HTTP-Code: 429 Too many requests'), { code: 429 });
        return `items of ${ns}`;
      },
      async read(): Promise<string> {
        throw Object.assign(new Error('HTTP-Code: 404'), { code: 404 });
      },
      name(): string {
        return 'core';
      },
    });
    await expect(api.list('drill')).resolves.toBe('items of drill');
    expect(calls).toBe(2);
    await expect(api.read()).rejects.toThrow(/404/);
    expect(api.name()).toBe('core');
  });
});
