import { Command, CommanderError } from 'commander';
import { EXIT, exitCodeFor, printError, UsageError } from './errors.ts';
import { InterruptedError } from './interrupt.ts';
import { listCommand, validateCommand } from './commands/scenarios.ts';
import { checkCommand, hintCommand, resetCommand, solutionCommand, startCommand, statusCommand, stopCommand } from './commands/attempt.ts';
import { downCommand, upCommand } from './commands/cluster.ts';
import { verifyCommand } from './commands/verify.ts';
import { registerDrillCommands } from './commands/drill.ts';
import { registerWorkshopCommands, seatCheckCommand } from './commands/workshop.ts';
import { envCommand, nodeShellCommand, shellCommand } from './commands/shell.ts';

/**
 * The kubedrill CLI: thin commands over src/ (parse → core → render). Every
 * action returns its exit code; errors reach one printer here.
 */
export function buildProgram(run: (action: () => Promise<number>) => Promise<void>): Command {
  const program = new Command('kubedrill')
    .description('Kubernetes break-and-fix lab: a real cluster, a broken workload, an exam-style task, an honest grade.')
    .option('--verbose', 'stack traces and causes on errors')
    .showHelpAfterError()
    .exitOverride();
  program.configureOutput({ writeErr: (s) => process.stderr.write(s) });
  program.allowExcessArguments(true).action((_options, command: Command) =>
    run(async () => {
      if (command.args.length > 0) throw new UsageError(`unknown command "${command.args[0]}"`, { fix: 'kubedrill --help' });
      return (await import('./menu.ts')).menu(program);
    }),
  );

  program.command('list').description('list scenarios').option('--json', 'one JSON document').action((o) => run(() => listCommand(o)));
  program
    .command('up')
    .description('bring a cluster up (kind where a container engine answers, else local on Linux as root)')
    .option('--provider <name>', 'kind | local | existing')
    .option('--context <name>', 'kubeconfig context (existing provider)')
    .option('--preload', 'kind: pull and load every scenario image')
    .option('--yes', 'do not ask before using a non-lab context')
    .option('--listen <addr>', 'local/kind: the API server listens on this IPv4 address of the host instead (a room\'s LAN); fixed when the cluster is made')
    .option('--node-image <image>', 'kind: the node image to create the cluster from (a mirror\'s copy, an air-gapped build); remembered')
    .option('--json', 'one JSON document')
    .action((o) => run(() => upCommand(o)));
  program.command('down').description('remove the cluster `up` made').action(() => run(() => downCommand()));
  program.command('start <id>').description('inject a scenario; returns once the symptom is observed').option('--json', 'one JSON document').action((id, o) => run(() => startCommand(id, o)));
  program.command('status').description('current attempts and elapsed time').option('--json', 'one JSON document').option('--cluster', 'also each cluster component\'s health').action((o) => run(() => statusCommand(o)));
  program.command('hint [id]').description('next hint (costs points)').action((id) => run(() => hintCommand(id)));
  program
    .command('check [id]')
    .description('grade the current attempt (or one task of a drill); exit 0 pass, 1 fail')
    .option('--wait <duration>', 're-check until pass or this deadline (e.g. 2m)')
    .option('--json', 'one JSON document')
    .option('--seat <kubeconfig>', 'a workshop seat\'s kubeconfig: look at that seat\'s tasks with its rights, read-only ([id]: one task)')
    .action((id, o) => run(() => (o.seat ? seatCheckCommand(id, o) : checkCommand(id, o))));
  program.command('solution [id]').description('show the reference solution (the attempt scores 0)').action((id) => run(() => solutionCommand(id)));
  program.command('reset [id]').description('re-inject the current scenario').action((id) => run(() => resetCommand(id)));
  program.command('stop [id]').description('end the attempt and clean up').action((id) => run(() => stopCommand(id)));
  registerDrillCommands(program, run);
  registerWorkshopCommands(program, run);
  program
    .command('verify [id]')
    .description('prove scenarios on the cluster: symptom, check fails, solution/fixes pass, shortcuts fail')
    .option('--all', 'every scenario')
    .option('--from <folder>', 'a scenario folder outside the catalogue (e.g. test/fixtures/engine-breadth)')
    .option('--json', 'one JSON document')
    .option('--parallel <n>', 'cases at once (default 12; new cases also wait while the cluster is loaded)')
    .option('--solution-only', 'only the reference solution')
    .option('--case <names>', 'only these cases, comma-separated: solution, fix/<name>, shortcut/<name>')
    .option('--audit-early <share>', 'share (0-1) of shortcut cases ending early on a final failure that are graded on to the deadline anyway (default 0.05)')
    .option('--audit-seed <text>', 'which cases the audit picks; the same seed picks the same cases (default: today, UTC)')
    .action((id, o) => run(() => verifyCommand(id, o)));
  program
    .command('node-shell [node]')
    .description('a root shell on a node, like the exam\'s `ssh node01` (kind: exec into the node container; local: this host)')
    .action((node) => run(() => nodeShellCommand(node)));
  program
    .command('env')
    .description('exports for eval: KUBECONFIG and a kubectl matching the server first on PATH — eval "$(kubedrill env)"')
    .option('--shell <name>', 'bash | zsh | fish (default: $SHELL)')
    .action((o) => run(() => envCommand(o)));
  program
    .command('shell')
    .description('an exam-like subshell: the cluster\'s context, a matching kubectl, `k` with completion; exit returns')
    .option('--shell <name>', 'bash | zsh | fish (default: $SHELL)')
    .action((o) => run(() => shellCommand(o)));
  program.command('validate [dir]').description('validate scenario files; exit 2 on any problem').option('--json', 'one JSON document').action((dir, o) => run(() => validateCommand(dir, o)));
  // Subcommands inherit the root's allowance (it turns an unknown word into a clear error itself):
  // `verify a b` must not quietly run a alone.
  for (const command of program.commands) command.allowExcessArguments(false);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  let code: number = EXIT.ok;
  const run = async (action: () => Promise<number>): Promise<void> => {
    try {
      code = await action();
    } catch (error) {
      if (error instanceof InterruptedError || (error as Error)?.name === 'AbortError') code = 130;
      else code = exitCodeFor(error);
      printError(error, verbose);
    }
  };
  try {
    await buildProgram(run).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      code = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      printError(error, verbose);
      code = exitCodeFor(error);
    }
  }
  // Flush stdout (a pipe writes asynchronously), then exit: open API
  // connections must not keep a finished command alive.
  process.stdout.write('', () => process.exit(code));
}

await main(process.argv);
