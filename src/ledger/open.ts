/**
 * Opens the ledger at a resolved location (`resolveLedgerLocation`): the SQLite file or the
 * PostgreSQL server. The one place that knows both backends, so callers depend on `Ledger` only.
 */
import type { Ledger } from './ledger.js';
import type { LedgerLocation } from './location.js';
import { openSqliteLedger } from './sqlite-ledger.js';

/**
 * Opens (creating and migrating when needed) the ledger at `location`. Failures are
 * `FootprintError`s: `io_error` for a file that cannot be used, `unavailable` for a PostgreSQL
 * server that cannot be reached or a schema newer than this Footprint.
 */
export async function openLedgerAt(location: LedgerLocation): Promise<Ledger> {
  if (location.kind === 'sqlite') return openSqliteLedger(location.path);
  // Loaded on demand: a SQLite user does not pay for the PostgreSQL driver.
  const { openPostgresLedger } = await import('./postgres-ledger.js');
  return openPostgresLedger(location.url);
}
