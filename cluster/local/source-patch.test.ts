import { describe, expect, it } from 'vitest';
import { applyPatch, kubeRouterSyncPause, type SourcePatch } from './source-patch.ts';

describe('applyPatch', () => {
  const patch: SourcePatch = { module: 'example.com/m', file: 'a.go', edits: [{ find: 'b()\n', replace: 'b()\n\tc()\n' }] };

  it('replaces each edit once, $ patterns taken literally', () => {
    expect(applyPatch(patch, 'a()\nb()\n')).toBe('a()\nb()\n\tc()\n');
    expect(applyPatch({ ...patch, edits: [{ find: 'x', replace: "$& $' $1" }] }, 'x')).toBe("$& $' $1");
  });

  it('refuses an upstream that no longer matches exactly once', () => {
    expect(() => applyPatch(patch, 'a()\n')).toThrow(/does not apply .* found 0 times/);
    expect(() => applyPatch(patch, 'b()\nb()\n')).toThrow(/found 2 times/);
  });

  it("pauses kube-router's sync loop after each full sync, the pause read from the environment", () => {
    const upstream = [
      'import (\n\t"sync"\n\t"time"\n)\n',
      '\t\t\tcase <-fullSyncRequest:\n\t\t\t\tnpc.fullPolicySync() // fullPolicySync() is a blocking request here\n\t\t\t}\n',
      '// RequestFullSync allows the request of a full network policy sync without blocking the callee\n',
    ].join('');
    const patched = applyPatch(kubeRouterSyncPause, upstream);
    expect(patched).toContain('\t"os"\n\t"time"\n');
    expect(patched).toContain('blocking request here\n\t\t\t\tkubedrillSyncPause()\n');
    expect(patched).toContain('os.Getenv("KUBEDRILL_NPC_MIN_SYNC_INTERVAL")');
  });
});
