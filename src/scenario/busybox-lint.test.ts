import { describe, expect, it } from 'vitest';
import { lintArgv, lintShell } from './busybox-lint.ts';

describe('lintShell', () => {
  it.each([
    ['nc -z db 5432', ['nc -z']],
    ['nc -zv db 5432', ['nc -z and -v']],
    ['nc -vz db 5432', ['nc -v and -z']],
    ['nc -k -l -p 8080', ['nc -k']],
    ['until nc -z db 5432; do sleep 1; done', ['nc -z']],
    ['while ! nc -z db 5432; do sleep 1; done', ['nc -z']],
    ["sh -c 'nc -z db 5432'", ['nc -z']],
    ['x=$(nc -z db 5432 && echo up)', ['nc -z']],
    ['busybox nc -z db 5432', ['nc -z']],
    ['/bin/nc -z db 5432', ['nc -z']],
    ['timeout 2 nc -z db 5432', ['nc -z']],
    ['timeout -t 2 nc -w 2 db 5432', ['timeout -t']],
    ['wget -q -T 2 -O- http://web:8080/', ['wget -T']],
    ['wget -qT2 -O- http://web:8080/', ['wget -T']],
    ['wget --timeout=2 http://web/', ['wget --timeout']],
    ['kubectl -n "$NS" exec deploy/app -- nc -z db 5432', ['nc -z']],
    ['kubectl exec deploy/app -- sh -c "wget -T 1 http://x/"', ['wget -T']],
  ])('%s → %j', (text, expected) => {
    expect(lintShell(text).map((f) => f.detail.split(' is')[0]?.split(' are')[0])).toEqual(expected);
  });

  it.each([
    'nc -w 2 db 5432 </dev/null',
    'nc -w2 "$REDIS_HOST" 6379 </dev/null',
    'nc -ll -p 6379 -e cat',
    'nc -lp 9100 -e sh -c "echo ok"',
    'exec httpd -f -p 8080 -h /www',
    'wget -q -O- http://web:8080/',
    'wget -qO- http://web:8080/',
    'wget --spider -q http://web:8080/',
    'timeout 2 wget -q -O- http://web/',
    'timeout -s KILL 5 nc -w 2 db 5432',
    'echo "sync done"; func -z',
    'echo waiting # nc -z in a comment is fine',
    'kubectl -n "$NS" set env deployment/api REDIS_HOST=redis',
  ])('accepts %s', (text) => {
    expect(lintShell(text)).toEqual([]);
  });
});

describe('lintArgv', () => {
  it('points at the first offending word of command + args', () => {
    expect(lintArgv(['nc', '-l', '-k', '-p', '80'])).toMatchObject([{ applet: 'nc', flags: ['-k'], index: 2 }]);
  });

  it('counts the offset of a wrapped command', () => {
    expect(lintArgv(['timeout', '2', 'nc', '-z', 'db', '1'])).toMatchObject([{ flags: ['-z'], index: 3 }]);
  });

  it('names a fix in the message', () => {
    expect(lintArgv(['nc', '-z', 'db', '1'])[0]?.detail).toBe('nc -z is not supported by the busybox stand-in (use nc -w 2 HOST PORT </dev/null)');
  });
});
