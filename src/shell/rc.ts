import { exportLines, quote, type ShellName, type ShellSetup } from './exports.ts';

/** What the exam-like subshell shows and sets up. */
export interface SubshellSetup extends ShellSetup {
  context: string;
  /** The attempt namespaces in progress (shown in the prompt). */
  namespaces: string[];
}

/** How to start one shell with our start-up file. */
export interface ShellLaunch {
  command: string;
  args: string[];
  /** Files to write before starting (path → content); removed after the shell exits. */
  files: Record<string, string>;
  env: Record<string, string>;
}

/**
 * The start-up of `kubedrill shell`, like the CKA exam terminal: the
 * learner's own rc file first (their habits stay), then the cluster's
 * kubeconfig, a matching kubectl first on PATH, `alias k=kubectl` with
 * completion for both, and a prompt naming the context and namespace.
 */
export function shellLaunch(shell: ShellName, setup: SubshellSetup, dir: string, env: NodeJS.ProcessEnv = process.env): ShellLaunch {
  const label = `kubedrill ${setup.context}${setup.namespaces.length ? ` ns:${setup.namespaces.join(',')}` : ''}`;
  const exports = exportLines(setup, shell);
  if (shell === 'fish') {
    const file = `${dir}/kubedrill.fish`;
    const rc = [
      ...exports,
      'alias k kubectl',
      'kubectl completion fish | source',
      'complete -c k -w kubectl',
      `function fish_prompt; echo -n ${quote(`[${label}] `, 'fish')}(prompt_pwd)'> '; end`,
    ];
    return { command: 'fish', args: ['--init-command', `source ${quote(file, 'fish')}`], files: { [file]: `${rc.join('\n')}\n` }, env: { KUBEDRILL_SHELL: '1' } };
  }
  if (shell === 'zsh') {
    const original = env.ZDOTDIR ?? env.HOME ?? '';
    const rc = [
      // Our .zshrc is read through ZDOTDIR; point it back so the learner's own is read and stays in effect.
      `ZDOTDIR=${quote(original, shell)}`,
      `[ -f "$ZDOTDIR/.zshrc" ] && source "$ZDOTDIR/.zshrc"`,
      ...exports,
      'alias k=kubectl',
      'autoload -Uz compinit && compinit -u',
      'source <(kubectl completion zsh)',
      'compdef _kubectl k',
      `PROMPT=${quote(`[${label}] %~ %# `, shell)}`,
    ];
    // zsh reads $ZDOTDIR/.zshenv before .zshrc: the learner's own (PATH, Homebrew, asdf) must still run.
    const zshenv = `[ -f ${quote(`${original}/.zshenv`, shell)} ] && source ${quote(`${original}/.zshenv`, shell)}\n`;
    return { command: 'zsh', args: ['-i'], files: { [`${dir}/.zshenv`]: zshenv, [`${dir}/.zshrc`]: `${rc.join('\n')}\n` }, env: { ZDOTDIR: dir, KUBEDRILL_SHELL: '1' } };
  }
  const file = `${dir}/bashrc`;
  const rc = [
    '[ -f ~/.bashrc ] && . ~/.bashrc',
    ...exports,
    ...bashCompletionBase,
    'alias k=kubectl',
    'source <(kubectl completion bash)',
    'complete -o default -F __start_kubectl k',
    `PS1=${quote(`[${label}] \\w \\$ `, shell)}`,
  ];
  return { command: 'bash', args: ['--rcfile', file, '-i'], files: { [file]: `${rc.join('\n')}\n` }, env: { KUBEDRILL_SHELL: '1' } };
}

/**
 * kubectl's bash completion calls bash-completion's `_get_comp_words_by_ref`
 * (and `_filedir` for file flags). Load bash-completion where it is installed
 * and not loaded yet; where it is missing (minimal images, this project's CI
 * machines), define the little of it kubectl uses, so tab completion works.
 */
const bashCompletionBase = [
  'if ! declare -F _get_comp_words_by_ref >/dev/null; then',
  '  for f in /usr/share/bash-completion/bash_completion /etc/bash_completion /opt/homebrew/etc/profile.d/bash_completion.sh /usr/local/etc/profile.d/bash_completion.sh; do',
  '    [ -r "$f" ] && . "$f" && break',
  '  done',
  'fi',
  'if ! declare -F _get_comp_words_by_ref >/dev/null; then',
  '  _get_comp_words_by_ref() {',
  '    while [ "$1" = -n ]; do shift 2; done',
  '    local v',
  '    for v in "$@"; do',
  '      case $v in',
  '        cur) cur=${COMP_WORDS[COMP_CWORD]} ;;',
  '        prev) prev=${COMP_WORDS[COMP_CWORD-1]} ;;',
  '        words) words=("${COMP_WORDS[@]}") ;;',
  '        cword) cword=$COMP_CWORD ;;',
  '      esac',
  '    done',
  '  }',
  'fi',
  'declare -F _filedir >/dev/null || _filedir() { mapfile -t COMPREPLY < <(compgen -f -- "$cur"); }',
];
