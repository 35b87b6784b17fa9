import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../../src/home.ts';

/**
 * The kubectl a learner of the cluster the run brought up uses: on the local
 * provider the one `up` links into $KUBEDRILL_HOME/bin (it matches the
 * server); on kind the learner's own, first on PATH (the kind test host puts
 * one of the cluster's release there).
 */
export function clusterKubectl(): string {
  const home = process.env.KUBEDRILL_HOME || join(homedir(), '.kubedrill');
  const settings = JSON.parse(readFileSync(join(home, 'settings.json'), 'utf8')) as Settings;
  if (settings.provider === 'local') return join(home, 'bin', 'kubectl');
  return execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim();
}
