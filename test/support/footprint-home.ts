/** A fresh FOOTPRINT_HOME per test, so each test has its own ledger. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function freshHome(): { home: string; env: NodeJS.ProcessEnv } {
  const home = mkdtempSync(join(tmpdir(), 'footprint-home-'));
  return {
    home,
    // No RAPL tree and no GPU tools: the fallback models, unless a test points these elsewhere.
    env: {
      FOOTPRINT_HOME: home,
      FOOTPRINT_POWERCAP_ROOT: join(home, 'no-powercap'),
      FOOTPRINT_GPU_SENSORS: 'none',
      PATH:
        process.env.PATH?.split(':')
          .filter((p) => !p.includes('nvidia'))
          .join(':') ?? '',
    },
  };
}
