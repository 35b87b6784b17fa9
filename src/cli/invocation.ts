/**
 * How the learner runs kubedrill, for the commands we print back: through
 * npx (`npx kubedrill start …`, the README's first command: `kubedrill` alone
 * is not on their PATH), or installed/linked as `kubedrill`.
 */
export function selfCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_command === 'exec' ? 'npx kubedrill' : 'kubedrill';
}
