import { describe, expect, it, vi } from 'vitest';
import { ConfirmationRequiredError, confirmContext } from './confirm.ts';

const remote = { context: 'gke_prod', server: 'https://34.77.1.2' };
const local = { context: 'kind-kubedrill', server: 'https://127.0.0.1:40123' };

describe('confirmContext', () => {
  it.each([
    { name: 'local context, no flag, no TTY', info: local, yes: false, isTTY: false, answer: undefined, want: 'local', asked: false },
    { name: 'local context on a TTY is not asked', info: local, yes: false, isTTY: true, answer: undefined, want: 'local', asked: false },
    { name: 'remote with --yes', info: remote, yes: true, isTTY: false, answer: undefined, want: 'flag', asked: false },
    { name: 'remote with --yes on a TTY is not asked', info: remote, yes: true, isTTY: true, answer: undefined, want: 'flag', asked: false },
    { name: 'remote on a TTY, answered yes', info: remote, yes: false, isTTY: true, answer: true, want: 'prompt', asked: true },
    { name: 'remote on a TTY, answered no', info: remote, yes: false, isTTY: true, answer: false, want: 'declined', asked: true },
    { name: 'remote, no TTY, no --yes', info: remote, yes: false, isTTY: false, answer: undefined, want: 'refused', asked: false },
  ])('$name → $want', async ({ info, yes, isTTY, answer, want, asked }) => {
    const ask = vi.fn(async () => answer ?? false);
    const outcome = await confirmContext({ ...info, yes, isTTY, ask }).catch((error: unknown) => {
      expect(error).toBeInstanceOf(ConfirmationRequiredError);
      expect((error as ConfirmationRequiredError).exitCode).toBe(2);
      return (error as Error).message.startsWith('not confirmed') ? 'declined' : 'refused';
    });
    expect(outcome).toBe(want);
    expect(ask).toHaveBeenCalledTimes(asked ? 1 : 0);
  });

  it('names the context and server in the question', async () => {
    const ask = vi.fn(async (_message: string) => true);
    await confirmContext({ ...remote, yes: false, isTTY: true, ask });
    expect(ask.mock.calls[0]![0]).toContain('gke_prod (server https://34.77.1.2)');
  });

  it('tells a script how to proceed when it refuses', async () => {
    const error = (await confirmContext({ ...remote, yes: false, isTTY: false, ask: async () => true }).catch((e: unknown) => e)) as ConfirmationRequiredError;
    expect(error.message).toMatch(/refusing to use it without --yes/);
    expect(error.fix).toContain('kubedrill up --provider existing --context gke_prod --yes');
  });
});
