import { describe, expect, it } from 'vitest';
import { clusterWideReason, suffixProblems } from './scripts.ts';

const lint = (text: string, names: string[] = ['example.com/slot', 'batch-high']): string[] => suffixProblems('/s/x.sh', text, names).map((p) => `${p.line}: ${p.detail}`);

describe('suffixProblems', () => {
  it('accepts every cluster-scoped name and created PriorityClass written with $KD_SUFFIX', () => {
    const ok = [
      '#!/bin/sh',
      '# fine (batch-high in a comment is prose)',
      'kubectl create priorityclass mine$KD_SUFFIX --value=2000',
      'kubectl -n "$NS" set resources deployment/n --requests=example.com/slot${KD_SUFFIX}=1',
      'kubectl -n "$NS" patch deployment n -p "{\\"spec\\":{\\"priorityClassName\\":\\"batch-high$KD_SUFFIX\\"}}"',
      'kubectl apply -f - <<YAML',
      'kind: PriorityClass',
      'metadata:',
      '  name: online$KD_SUFFIX',
      'YAML',
      'echo batch-high-never is another name',
    ].join('\n');
    expect(lint(ok)).toEqual([]);
  });

  it('names the line of a bare cluster name, a bare created class, and a suffix a quoted heredoc never expands', () => {
    const bad = [
      '#!/bin/sh',
      '# bad',
      'kubectl create priorityclass mine --value=2000',
      'kubectl set resources deployment/n --requests=example.com/slot=1',
      "kubectl apply -f - <<'YAML'",
      'kind: PriorityClass',
      'metadata:',
      '  name: online',
      'value: 1',
      '---',
      'kind: Deployment',
      'metadata:',
      '  name: not-a-class',
      'spec: {priorityClassName: other$KD_SUFFIX}',
      'YAML',
    ].join('\n');
    expect(lint(bad)).toEqual([
      expect.stringMatching(/^3: creates PriorityClass mine without \$KD_SUFFIX/),
      expect.stringMatching(/^4: names the cluster-scoped example.com\/slot without \$KD_SUFFIX/),
      expect.stringMatching(/^8: creates PriorityClass online without \$KD_SUFFIX/),
      expect.stringMatching(/^14: \$KD_SUFFIX inside a quoted heredoc/),
    ]);
  });
});

describe('clusterWideReason', () => {
  it('reads a `# cluster-wide:` line among the leading comments only', () => {
    expect(clusterWideReason('#!/bin/sh\n# what it does\n# cluster-wide: only one globalDefault class can exist\nset -eu\n')).toBe('only one globalDefault class can exist');
    expect(clusterWideReason('#!/bin/sh\n# what it does\nset -eu\n# cluster-wide: too late\n')).toBeUndefined();
  });
});
