// Developer entry for the local provider: node cluster/local/cli.ts up|down|status [image...]
import { ClusterError } from '../errors.ts';
import { createProgress } from '../progress.ts';
import { localProvider } from './index.ts';

const [command = 'status', ...images] = process.argv.slice(2);
const provider = localProvider();
const progress = createProgress();
const started = Date.now();
try {
  if (command === 'up') {
    const access = await provider.up({ progress, images: images.length > 0 ? images : ['busybox:1.36'] });
    console.log(`KUBECONFIG=${access.kubeconfig} (context ${access.context})`);
  } else if (command === 'down') {
    await provider.down({ progress });
  } else if (command === 'status') {
    const statuses = await provider.status();
    if (statuses.length === 0) console.log('no local cluster');
    for (const status of statuses) console.log(`${status.healthy ? 'ok  ' : 'FAIL'} ${status.name.padEnd(24)} ${status.detail}`);
    process.exitCode = statuses.every((status) => status.healthy) && statuses.length > 0 ? 0 : 1;
  } else {
    console.error('usage: cli.ts up [image...] | down | status');
    process.exitCode = 2;
  }
  if (command !== 'status') console.error(`${command} took ${((Date.now() - started) / 1000).toFixed(1)}s`);
} catch (error) {
  const detail = error instanceof ClusterError && error.logPath ? `\n  log: ${error.logPath}` : '';
  console.error(`ERROR: ${error instanceof Error ? error.message : String(error)}${detail}`);
  process.exitCode = 3;
}
