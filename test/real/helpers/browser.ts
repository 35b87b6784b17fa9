import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ensurePackages } from '../../../cluster/local/packages.ts';

/**
 * Headless Chromium for the web pages' end-to-end tests: Debian's `chromium`,
 * installed by the test run itself when missing (the way `up` installs its
 * packages), driven by playwright-core; `--no-sandbox` because the tests run
 * as root.
 */
export async function launchChromium(): Promise<Browser> {
  await ensureChromium();
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
}

/** Debian's chromium, installed when missing (test/real/kind.sh calls it before entering the kind test host's namespace, which has no network). */
export function ensureChromium(): Promise<void> {
  return ensurePackages({ packages: ['chromium'], logDir: join(tmpdir(), 'kubedrill-test-apt'), info: (line) => process.stderr.write(`${line}\n`) });
}
