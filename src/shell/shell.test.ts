import { describe, expect, it } from 'vitest';
import { defaultShell, exportLines, quote } from './exports.ts';
import { shellLaunch } from './rc.ts';

const setup = { kubeconfig: "/h/it's/kubeconfig", kubectlDir: '/h/bin' };

describe('exportLines', () => {
  it.each([
    ['bash', [`export KUBECONFIG='/h/it'\\''s/kubeconfig';`, `export PATH='/h/bin':"$PATH";`]],
    ['zsh', [`export KUBECONFIG='/h/it'\\''s/kubeconfig';`, `export PATH='/h/bin':"$PATH";`]],
    ['fish', [`set -gx KUBECONFIG '/h/it\\'s/kubeconfig';`, `set -gx PATH '/h/bin' $PATH;`]],
  ] as const)('%s', (shell, lines) => {
    expect(exportLines(setup, shell)).toEqual(lines);
  });

  it('leaves PATH alone without a matching kubectl of ours', () => {
    expect(exportLines({ kubeconfig: '/k' }, 'bash')).toEqual([`export KUBECONFIG='/k';`]);
  });
});

describe('defaultShell', () => {
  it.each([
    ['/bin/bash', 'bash'],
    ['/usr/bin/zsh', 'zsh'],
    ['/usr/local/bin/fish', 'fish'],
    ['/bin/dash', 'bash'],
    ['', 'bash'],
  ])('%s → %s', (path, shell) => {
    expect(defaultShell(path)).toBe(shell);
  });
});

describe('quote', () => {
  it('fish escapes backslashes too', () => {
    expect(quote('a\\b', 'fish')).toBe(`'a\\\\b'`);
  });
});

describe('shellLaunch', () => {
  const sub = { ...setup, context: 'kubedrill-local', namespaces: ['crashloop'] };

  it('bash: the learner rc first, then exports, k with completion, the prompt', () => {
    const launch = shellLaunch('bash', sub, '/tmp/x');
    expect(launch.args).toEqual(['--rcfile', '/tmp/x/bashrc', '-i']);
    const rc = launch.files['/tmp/x/bashrc']!.split('\n');
    expect(rc[0]).toBe('[ -f ~/.bashrc ] && . ~/.bashrc');
    expect(rc).toContain('alias k=kubectl');
    expect(rc).toContain('complete -o default -F __start_kubectl k');
    expect(rc.indexOf('source <(kubectl completion bash)')).toBeGreaterThan(rc.findIndex((l) => l.startsWith('export PATH')));
    expect(rc.find((l) => l.startsWith('PS1='))).toContain('kubedrill kubedrill-local ns:crashloop');
  });

  it('zsh: reads through ZDOTDIR, then points it back at the learner\'s own', () => {
    const launch = shellLaunch('zsh', sub, '/tmp/x', { HOME: '/home/l' });
    expect(launch.env.ZDOTDIR).toBe('/tmp/x');
    const rc = launch.files['/tmp/x/.zshrc']!;
    expect(rc).toContain(`ZDOTDIR='/home/l'`);
    expect(rc).toContain('compdef _kubectl k');
    expect(launch.files['/tmp/x/.zshenv']).toBe(`[ -f '/home/l/.zshenv' ] && source '/home/l/.zshenv'\n`);
  });

  it('fish: an init command sourcing our file', () => {
    const launch = shellLaunch('fish', { ...sub, namespaces: [] }, '/tmp/x');
    expect(launch.args).toEqual(['--init-command', `source '/tmp/x/kubedrill.fish'`]);
    expect(launch.files['/tmp/x/kubedrill.fish']).toContain('complete -c k -w kubectl');
  });
});
