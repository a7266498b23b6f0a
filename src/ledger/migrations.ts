/**
 * The SQLite ledger's schema, as numbered migrations applied in order, each exactly once, in one
 * write transaction that also records it in `schema_version`. Many processes may open a fresh file
 * at the same moment: `BEGIN IMMEDIATE` makes them take turns, and the later ones find the work done.
 * Never edit a released migration; add the next one.
 *
 * Tables are STRICT (SQLite ≥ 3.37) so a value of the wrong type is refused by the database, and
 * rows read back need no per-row parsing on the hot paths. Times are REAL milliseconds since the
 * epoch (callers may pass fractional ms); energies are REAL joules.
 */
import type Database from 'better-sqlite3';
import { FootprintError } from '../core/errors.js';

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, devices, samples, markers',
    sql: `
      CREATE TABLE runs (
        key          INTEGER PRIMARY KEY,
        id           TEXT    NOT NULL UNIQUE CHECK (length(id) > 0),
        command      TEXT    NOT NULL,              -- JSON array of strings
        cwd          TEXT    NOT NULL,
        host         TEXT    NOT NULL,
        wrapper_pid  INTEGER NOT NULL,
        start_ms     REAL    NOT NULL,
        end_ms       REAL,
        last_seen_ms REAL    NOT NULL,
        phase        TEXT    NOT NULL CHECK (phase IN ('data', 'experimentation', 'training', 'inference')),
        project      TEXT    NOT NULL,
        model        TEXT,
        tags         TEXT    NOT NULL,              -- JSON object of strings
        interval_s   REAL    NOT NULL CHECK (interval_s > 0),
        site         TEXT,                          -- JSON {zone, region, pue, cfe}
        status       TEXT    NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
        exit_code    INTEGER,
        signal       TEXT
      ) STRICT;
      CREATE INDEX runs_by_start ON runs (start_ms);
      CREATE INDEX runs_by_status ON runs (status);

      CREATE TABLE devices (
        key        INTEGER PRIMARY KEY,
        run_key    INTEGER NOT NULL REFERENCES runs (key),
        device_id  TEXT    NOT NULL,
        kind       TEXT    NOT NULL,
        name       TEXT    NOT NULL,
        model      TEXT,
        method     TEXT    NOT NULL CHECK (method IN ('counter', 'power', 'model')),
        provenance TEXT    NOT NULL CHECK (provenance IN ('measured', 'modelled')),
        source     TEXT    NOT NULL,
        UNIQUE (run_key, device_id)
      ) STRICT;

      CREATE TABLE samples (
        run_key      INTEGER NOT NULL REFERENCES runs (key),
        device_key   INTEGER NOT NULL REFERENCES devices (key),
        start_ms     REAL    NOT NULL,
        end_ms       REAL    NOT NULL CHECK (end_ms >= start_ms),
        energy_j     REAL    NOT NULL CHECK (energy_j >= 0),
        attributed_j REAL    NOT NULL CHECK (attributed_j >= 0)
      ) STRICT;
      CREATE INDEX samples_by_run_start ON samples (run_key, start_ms);

      CREATE TABLE markers (
        key     INTEGER PRIMARY KEY,
        run_key INTEGER NOT NULL REFERENCES runs (key),
        at_ms   REAL    NOT NULL,
        label   TEXT    NOT NULL,
        phase   TEXT    CHECK (phase IN ('data', 'experimentation', 'training', 'inference')),
        attrs   TEXT    NOT NULL                    -- JSON object of strings
      ) STRICT;
      CREATE INDEX markers_by_run_at ON markers (run_key, at_ms);
    `,
  },
  {
    version: 2,
    description: 'entries: declared and imported footprints',
    sql: `
      CREATE TABLE entries (
        key           INTEGER PRIMARY KEY,
        id            TEXT    NOT NULL UNIQUE CHECK (length(id) > 0),
        project       TEXT    NOT NULL,
        model         TEXT,
        phase         TEXT    NOT NULL CHECK (phase IN ('data', 'experimentation', 'training', 'inference')),
        training_type TEXT    CHECK (training_type IN ('offline', 'online')),
        label         TEXT    NOT NULL,
        at_ms         REAL    NOT NULL,
        source        TEXT    NOT NULL CHECK (source IN ('declared', 'codecarbon', 'footprint')),
        import_key    TEXT    UNIQUE,                -- NULL for entries that were not imported
        spec          TEXT    NOT NULL,              -- JSON object: the estimate spec
        predictions   REAL    CHECK (predictions >= 0),
        attrs         TEXT    NOT NULL               -- JSON object of strings
      ) STRICT;
      CREATE INDEX entries_by_at ON entries (at_ms);
    `,
  },
  {
    version: 3,
    description: 'device_totals: per-run, per-device sums kept with each sample batch',
    // One row per (run, device) with samples, updated in the transaction that appends a batch, so
    // totals are read without summing samples. Backfilled here from the samples already stored.
    sql: `
      CREATE TABLE device_totals (
        run_key      INTEGER NOT NULL REFERENCES runs (key),
        device_key   INTEGER NOT NULL REFERENCES devices (key),
        energy_j     REAL    NOT NULL CHECK (energy_j >= 0),
        attributed_j REAL    NOT NULL CHECK (attributed_j >= 0),
        sample_count INTEGER NOT NULL CHECK (sample_count > 0),
        first_ms     REAL    NOT NULL,              -- min(start_ms)
        last_ms      REAL    NOT NULL,              -- max(end_ms)
        PRIMARY KEY (run_key, device_key)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO device_totals (run_key, device_key, energy_j, attributed_j, sample_count, first_ms, last_ms)
        SELECT run_key, device_key, sum(energy_j), sum(attributed_j), count(*), min(start_ms), max(end_ms)
        FROM samples GROUP BY run_key, device_key;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

/**
 * Brings `db` to the latest schema; returns the versions it applied (none when already current).
 * A file written by a newer Footprint is refused rather than guessed at.
 */
export function migrate(db: Database.Database, file: string, nowMs: number): number[] {
  const run = db.transaction((): number[] => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
      version       INTEGER PRIMARY KEY,
      description   TEXT NOT NULL,
      applied_at_ms REAL NOT NULL
    ) STRICT`);
    const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null };
    const current = row.v ?? 0;
    if (current > LATEST_VERSION) {
      throw new FootprintError(
        'unavailable',
        `ledger ${file} has schema version ${current}, but this Footprint knows only up to ${LATEST_VERSION}: upgrade Footprint, or pass --ledger PATH to use another file`,
      );
    }
    const record = db.prepare(
      'INSERT INTO schema_version (version, description, applied_at_ms) VALUES (?, ?, ?)',
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      db.exec(m.sql);
      record.run(m.version, m.description, nowMs);
      applied.push(m.version);
    }
    return applied;
  });
  return run.immediate();
}
