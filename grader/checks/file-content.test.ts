import { describe, expect, it } from 'vitest';
import { pod, running, snapshot, waiting, workload } from '../fixtures/builders.ts';
import type { PodOptions } from '../fixtures/builders.ts';
import type { RecordedExec } from '../fixtures/replay.ts';
import { check, context, execResult } from '../fixtures/test-context.ts';
import { fileContent } from './file-content.ts';

const [a, b] = ['web-5d8f7c9b6d-x7k2p', 'web-5d8f7c9b6d-m4q9z'];
const cat = (pod: string, exitCode: number, stdout: string, stderr = ''): RecordedExec => execResult(pod, ['/bin/cat', '/etc/web/settings.conf'], exitCode, stdout, stderr);
const params = { workload: 'web', path: '/etc/web/settings.conf', matches: '^mode=production$' };
const notReady: PodOptions = { phase: 'Pending', ready: false, containers: [waiting('web', 'ContainerCreating')] };

describe('fileContent', () => {
  it.each<[string, PodOptions[], RecordedExec[], boolean, RegExp, number]>([
    ['the line in both pods', [{}, {}], [cat(a, 0, 'mode=production\n'), cat(b, 0, 'level=info\nmode=production\n')], true, /^\/etc\/web\/settings\.conf in 2 Running and Ready pods of Deployment web has a line matching \/\^mode=production\$\/: "mode=production"$/, 2],
    ['missing in one pod', [{}, {}], [cat(a, 0, 'mode=production\n'), cat(b, 0, 'mode=debug\nlevel=info\n')], false, /^pod web-5d8f7c9b6d-m4q9z \/etc\/web\/settings\.conf: expected a line matching \/\^mode=production\$\/, saw first lines \["mode=debug","level=info"\]$/, 2],
    ['an empty file', [{}], [cat(a, 0, '')], false, /saw an empty file$/, 1],
    ['no such file', [{}], [cat(a, 1, '', 'cat: can\'t open \'/etc/web/settings.conf\': No such file or directory')], false, /: expected a readable file with a line matching .*, saw cat exit 1: cat: can't open/, 1],
    ['only Running and Ready pods are read', [{}, notReady], [cat(a, 0, 'mode=production')], true, /in 1 Running and Ready pod of/, 1],
    ['no Running and Ready pod', [notReady], [], false, /^\/etc\/web\/settings\.conf in Deployment web: expected a Running and Ready pod to read it in, saw none of 1 pod$/, 0],
    ['container without cat', [{}], [cat(a, 126, '', 'exec: cat: permission denied')], false, /cat could not run/, 1],
  ])('%s', async (_name, pods, exec, passed, reason, calls) => {
    const ctx = context(snapshot(workload('web', { replicas: pods.length, pods })), { exec });
    const verdict = await fileContent(check('fileContent', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(ctx.probe.calls).toHaveLength(calls);
  });

  it('reads in the named container', async () => {
    const ctx = context(snapshot(workload('web', { pods: [{ containers: [running('web')] }] })), { exec: [{ ...cat(a, 0, 'mode=production'), container: 'web' }] });
    await fileContent(check('fileContent', { ...params, container: 'web' }), ctx);
    expect(ctx.probe.calls).toEqual([{ pod: a, container: 'web', command: ['/bin/cat', '/etc/web/settings.conf'] }]);
  });

  it.each<[string, PodOptions, RecordedExec[], boolean, RegExp, number]>([
    ['a Ready orphan with another file', {}, [cat(a, 0, 'mode=production\n'), cat('web-orphan', 0, 'mode=debug\n')], false, /^pod web-orphan \/etc\/web\/settings\.conf: expected a line matching .*, saw first lines \["mode=debug"\]; 1 pod with app=web is not owned/, 2],
    ['an orphan not Ready is not read', notReady, [cat(a, 0, 'mode=production\n')], true, /in 1 Running and Ready pod of Deployment web/, 1],
  ])('reads Ready pods with the selector it does not own: %s', async (_name, orphan, exec, passed, reason, calls) => {
    const ctx = context(snapshot(workload('web'), { pods: [pod(undefined, { name: 'web-orphan', labels: { app: 'web' }, ...orphan })] }), { exec });
    const verdict = await fileContent(check('fileContent', params), ctx);
    expect(verdict.reason).toMatch(reason);
    expect(verdict.passed).toBe(passed);
    expect(ctx.probe.calls).toHaveLength(calls);
  });

  it('a Ready orphan never stands in for owned pods', async () => {
    const ctx = context(snapshot(workload('web', { pods: [notReady] }), { pods: [pod(undefined, { name: 'web-orphan', labels: { app: 'web' } })] }), { exec: [cat('web-orphan', 0, 'mode=production')] });
    const verdict = await fileContent(check('fileContent', params), ctx);
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toMatch(/expected a Running and Ready pod to read it in, saw none of 1 pod; 1 pod with app=web is not owned/);
  });
});
