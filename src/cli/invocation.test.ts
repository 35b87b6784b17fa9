import { describe, expect, it } from 'vitest';
import { selfCommand } from './invocation.ts';

describe('selfCommand', () => {
  it.each([
    [{ npm_command: 'exec' }, 'npx kubedrill'],
    [{ npm_command: 'run-script' }, 'kubedrill'],
    [{}, 'kubedrill'],
  ])('%j → %s', (env, command) => {
    expect(selfCommand(env)).toBe(command);
  });
});
