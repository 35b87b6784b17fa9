import { describe, expect, it } from 'vitest';
import { handout } from './handout.ts';

const input = {
  workshop: 'cka-day1',
  seat: 'ana',
  kubeconfig: '/tmp/out/ana.kubeconfig',
  endsAt: '2026-12-03T15:45:30.000Z',
  tasks: [
    { id: 'crashloop-exit1', title: 'API pods crash-loop', namespace: 'ana-crashloop', brief: 'In namespace ana-crashloop, pods of Deployment api <crash>.\n\nFix it & keep redis.\n' },
    { id: 'egress-networkpolicy', title: 'App cannot reach its database', namespace: 'ana-netpol', brief: 'In namespace ana-netpol, app times out.' },
  ],
};

describe('handout', () => {
  it('tells the seat how to connect, its rules, every task with its brief, and the end in UTC', () => {
    const { markdown } = handout(input);
    expect(markdown).toMatch(/^# cka-day1: ana\n\nEnds 2026-12-03 15:45 UTC\. 2 tasks\./);
    expect(markdown).toContain('export KUBECONFIG=$PWD/ana.kubeconfig');
    expect(markdown).toContain('kubectl get pods -n ana-crashloop');
    expect(markdown).toContain('anything inside your namespaces ana-crashloop, ana-netpol; outside them, only PriorityClasses named ana-…');
    expect(markdown).toMatch(/## Task 1: API pods crash-loop\n\nNamespace `ana-crashloop` \(scenario crashloop-exit1\)\.\n\n {4}In namespace ana-crashloop/);
    expect(markdown).toContain('## Task 2: App cannot reach its database');
    expect(markdown).not.toContain('/tmp/out');
  });

  it('is a self-contained HTML page with every text escaped and no script', () => {
    const { html } = handout(input);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('pods of Deployment api &lt;crash&gt;.\n\nFix it &amp; keep redis.');
    expect(html).not.toContain('<crash>');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).toContain('<h2>Task 2: App cannot reach its database</h2>');
  });
});
