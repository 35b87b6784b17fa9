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
  /** Long options both images accept (wget); undefined: no long options. */
  long?: readonly string[];
  /** A fix-it hint per rejected flag. */
  hints: Record<string, string>;
}

const NC_HINT = 'use nc -w 2 HOST PORT </dev/null';
const rules: Record<string, AppletRule> = {
  nc: { flags: 'iwlpfe', valued: 'iwpfe', hints: { z: NC_HINT, k: 'use nc -ll -p PORT -e PROG', v: NC_HINT } },
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
  flag: string;
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

/** Finds unsupported flags in one command given as argv (a container's command + args). */
export function lintArgv(words: readonly string[]): ShellFinding[] {
  let index = 0;
  while (index < words.length && (prefixes.has(words[index] ?? '') || /^[A-Za-z_]\w*=/.test(words[index] ?? ''))) index++;
  const applet = (words[index] ?? '').replace(/^.*\//, '');
  const rule = rules[applet];
  if (!rule) return [];
  const findings: ShellFinding[] = [];
  const args = words.slice(index + 1);
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (word === '--') break;
    if (word.startsWith('--')) {
      const option = word.split('=')[0] ?? word;
      if (!rule.long?.includes(option)) findings.push(finding(applet, option, rule));
      continue;
    }
    if (!/^-[A-Za-z]/.test(word)) {
      // timeout's first operand is SECS; what follows is a command of its own.
      if (applet === 'timeout') return [...findings, ...lintArgv(args.slice(i + 1))];
      continue;
    }
    for (const [position, flag] of [...word.slice(1)].entries()) {
      if (!rule.flags.includes(flag)) findings.push(finding(applet, flag, rule));
      if (rule.valued.includes(flag)) {
        if (position === word.length - 2) i++; // the value is the next word
        break;
      }
    }
  }
  return findings;
}

function finding(applet: string, flag: string, rule: AppletRule): ShellFinding {
  const shown = flag.startsWith('--') ? flag : `-${flag}`;
  const hint = rule.hints[flag];
  return {
    applet,
    flag: shown,
    detail: `${applet} ${shown} is not supported by the busybox stand-in${hint ? ` (${hint})` : ''}`,
  };
}
