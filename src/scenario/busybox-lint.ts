/**
 * Rejects shell the busybox stand-in cannot run. The local cluster serves
 * Debian's busybox 1.35 as busybox:1.36 (see LOCAL-CLUSTER.md): its `nc` is
 * the small variant (no -z, -k, -v), its `wget` has no -T, and `timeout`
 * takes SECS as an argument (the old `-t SECS` form exists in neither image).
 * Only flags both images understand pass.
 */

interface AppletRule {
  /** Short flags both images accept. */
  flags: string;
  /** Short flags that take a value (the rest of the cluster is that value). */
  valued: string;
  /** Unsupported flags known to take no value (other nc's -z, -v...): a cluster goes on after them. */
  switches?: string;
  /** A flag whose value is a program with its arguments: the rest of argv (`nc -e PROG ARGS`). */
  program?: string;
  /** Long options both images accept (wget); undefined: no long options. */
  long?: readonly string[];
  /** A fix-it hint per rejected flag. */
  hints: Record<string, string>;
}

const NC_HINT = 'use nc -w 2 HOST PORT </dev/null';
const rules: Record<string, AppletRule> = {
  nc: { flags: 'iwlpfe', valued: 'iwpfe', switches: 'zkvnu', program: 'e', hints: { z: NC_HINT, k: 'use nc -ll -p PORT -e PROG', v: NC_HINT } },
  wget: {
    flags: 'cqSOoYPU',
    valued: 'OoYPU',
    long: ['--spider', '--header', '--post-data', '--post-file', '--no-check-certificate'],
    hints: { T: 'wrap it instead: timeout 2 wget ...', '--timeout': 'wrap it instead: timeout 2 wget ...' },
  },
  timeout: { flags: 'sk', valued: 'sk', hints: { t: 'write timeout SECS PROG ARGS' } },
};

/** Words that may precede a command without being the command. */
const prefixes = new Set(['busybox', 'exec', 'command', '!', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '{', 'time']);

/** One unsupported use found in a piece of shell. */
export interface ShellFinding {
  applet: string;
  /** The unsupported flags as written: `-z`, `--timeout`. */
  flags: string[];
  /** Index of the first offending word in the argv linted (for lintShell: in its simple command). */
  index: number;
  /** `nc -z is not supported by the busybox stand-in (use nc -w 2 HOST PORT </dev/null)` */
  detail: string;
}

/** Finds unsupported busybox flags in shell text (a script, a `sh -c` string, or one argv word). */
export function lintShell(text: string): ShellFinding[] {
  const { commands, quoted } = tokenize(text);
  // Quoted text is linted as shell too, so commands nested in `sh -c '...'` are seen.
  return [...commands.flatMap((words) => lintArgv(words)), ...quoted.flatMap((inner) => lintShell(inner))];
}

/** Splits shell into simple commands (lists of words), honouring quotes and escapes. */
function tokenize(text: string): { commands: string[][]; quoted: string[] } {
  const commands: string[][] = [];
  const quoted: string[] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = (): void => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === "'" || char === '"') {
      let content = '';
      for (i++; i < text.length && text[i] !== char; i++) {
        if (char === '"' && text[i] === '\\' && i + 1 < text.length) i++;
        content += text[i];
      }
      quoted.push(content);
      word = (word ?? '') + content;
    } else if (char === '\\') {
      word = (word ?? '') + (text[++i] ?? '');
    } else if (char === '#' && word === undefined) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (char === '$' && text[i + 1] === '(') {
      endCommand();
      i++;
    } else if (';&|()`\n'.includes(char)) {
      endCommand();
    } else if (/\s/.test(char)) {
      endWord();
    } else {
      word = (word ?? '') + char;
    }
  }
  endCommand();
  return { commands, quoted };
}

/**
 * Finds unsupported flags in one command given as argv (a container's command
 * + args). Wrappers are looked through: `timeout 2 nc ...`, and anything after
 * `--` of a command we have no rule for (`kubectl exec pod -- nc -z ...`).
 */
export function lintArgv(words: readonly string[], offset = 0): ShellFinding[] {
  let index = 0;
  while (index < words.length && (prefixes.has(words[index] ?? '') || /^[A-Za-z_]\w*=/.test(words[index] ?? ''))) index++;
  const applet = (words[index] ?? '').replace(/^.*\//, '');
  const rule = rules[applet];
  if (!rule) {
    const dashes = words.indexOf('--', index);
    return dashes < 0 ? [] : lintArgv(words.slice(dashes + 1), offset + dashes + 1);
  }
  const bad: { flag: string; at: number }[] = [];
  for (let i = index + 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') break;
    if (word.startsWith('--')) {
      const option = word.split('=')[0] ?? word;
      if (!rule.long?.includes(option)) bad.push({ flag: option, at: i });
      continue;
    }
    if (!/^-[A-Za-z]/.test(word)) {
      // timeout's first operand is SECS; what follows is a command of its own.
      if (applet === 'timeout') return [...report(applet, rule, bad, offset), ...lintArgv(words.slice(i + 1), offset + i + 1)];
      continue;
    }
    for (const [position, flag] of [...word.slice(1)].entries()) {
      if (!rule.flags.includes(flag)) {
        bad.push({ flag, at: i });
        if (rule.switches?.includes(flag)) continue;
        break; // an unknown flag's arity is unknown: the rest of the word may be its value
      }
      if (flag === rule.program) {
        const start = position === word.length - 2 ? i + 1 : i; // `-e PROG` or `-ePROG`
        const program = position === word.length - 2 ? words.slice(start) : [word.slice(position + 2), ...words.slice(i + 1)];
        return [...report(applet, rule, bad, offset), ...lintArgv(program, offset + start)];
      }
      if (rule.valued.includes(flag)) {
        if (position === word.length - 2) i++; // the value is the next word
        break;
      }
    }
  }
  return report(applet, rule, bad, offset);
}

/** One finding per command, naming every unsupported flag it uses. */
function report(applet: string, rule: AppletRule, bad: readonly { flag: string; at: number }[], offset: number): ShellFinding[] {
  const first = bad[0];
  if (!first) return [];
  const flags = [...new Set(bad.map((b) => (b.flag.startsWith('--') ? b.flag : `-${b.flag}`)))];
  const hint = bad.map((b) => rule.hints[b.flag]).find((h) => h !== undefined);
  const what = flags.length === 1 ? `${applet} ${flags[0]} is` : `${applet} ${flags.slice(0, -1).join(', ')} and ${flags.at(-1)} are`;
  return [{ applet, flags, index: offset + first.at, detail: `${what} not supported by the busybox stand-in${hint ? ` (${hint})` : ''}` }];
}
