/**
 * Opens the ledger a command should use (`--ledger`, else FOOTPRINT_LEDGER, else the default
 * file) and, first of all, marks runs whose wrapper died as `interrupted`, keeping their data:
 * every `footprint` command that opens the ledger does this sweep.
 */
import { hostname } from 'node:os';
import type { Ledger } from '../ledger/ledger.js';
import { redactUrl, resolveLedgerLocation } from '../ledger/location.js';
import { openLedgerAt } from '../ledger/open.js';
import type { Io } from './command.js';

/** A wrapper flushes at least every 10 s; twelve missed flushes means it is gone. */
export const STALE_MS = 120_000;

export const isAlive = (_host: string, pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
};

export interface OpenedLedger {
  readonly ledger: Ledger;
  /** What to hand a wrapped job so `footprint mark` writes to the same ledger (a path or the full URL). */
  readonly location: string;
  /** The same, safe to print: a PostgreSQL URL without its password. */
  readonly shown: string;
}

export async function openLedger(io: Io, flag: string | undefined): Promise<OpenedLedger> {
  const location = resolveLedgerLocation(flag ?? io.env.FOOTPRINT_LEDGER, io.env, io.cwd);
  const ledger = await openLedgerAt(location);
  try {
    await ledger.reapInterrupted(isAlive, hostname(), Date.now(), STALE_MS);
  } catch (e) {
    await ledger.close();
    throw e;
  }
  return {
    ledger,
    location: location.kind === 'postgres' ? location.url : location.path,
    shown: location.kind === 'postgres' ? redactUrl(location.url) : location.path,
  };
}
