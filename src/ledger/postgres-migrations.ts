/**
 * The PostgreSQL ledger's schema: the same numbered migrations as the SQLite file (`migrations.ts`),
 * in PostgreSQL's types. Each is applied exactly once, in one transaction that also records it in
 * `schema_version`. Many hosts may open a brand-new schema at the same moment: the transaction first
 * takes an advisory lock (per schema, released at commit), so they take turns and the later ones
 * find the work done. Never edit a released migration; add the next one.
 *
 * Tables live in the first schema of the connection's `search_path` (`public` unless the URL says
 * `?options=-c search_path=…`). Times are double precision milliseconds since the epoch, energies
 * double precision joules, structured fields jsonb. Ids are `COLLATE "C"`, so that prefix ranges
 * and ordering compare code points, as SQLite does, whatever the database's collation.
 */
import type { ClientBase } from 'pg';
import { FootprintError } from '../core/errors.js';
import type { Migration } from './migrations.js';

const PHASE_CHECK = "CHECK (phase IN ('data', 'experimentation', 'training', 'inference'))";

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, devices, samples, markers',
    sql: `
      CREATE TABLE runs (
        key          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id           text COLLATE "C" NOT NULL UNIQUE CHECK (length(id) > 0),
        command      jsonb   NOT NULL,              -- array of strings
        cwd          text    NOT NULL,
        host         text    NOT NULL,
        wrapper_pid  integer NOT NULL,
        start_ms     double precision NOT NULL,
        end_ms       double precision,
        last_seen_ms double precision NOT NULL,
        phase        text    NOT NULL ${PHASE_CHECK},
        project      text    NOT NULL,
        model        text,
        tags         jsonb   NOT NULL,              -- object of strings
        interval_s   double precision NOT NULL CHECK (interval_s > 0),
        site         jsonb,                         -- {zone, region, pue, cfe}
        status       text    NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'interrupted')),
        exit_code    integer,
        signal       text
      );
      CREATE INDEX runs_by_start ON runs (start_ms);
      CREATE INDEX runs_by_status ON runs (status);

      CREATE TABLE devices (
        key        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_key    bigint NOT NULL REFERENCES runs (key),
        device_id  text   NOT NULL,
        kind       text   NOT NULL,
        name       text   NOT NULL,
        model      text,
        method     text   NOT NULL CHECK (method IN ('counter', 'power', 'model')),
        provenance text   NOT NULL CHECK (provenance IN ('measured', 'modelled')),
        source     text   NOT NULL,
        UNIQUE (run_key, device_id)
      );

      -- No foreign keys on the one big table: a per-row check would cost more than half the
      -- ingest speed. The ledger only writes keys it has read from runs and devices, which are
      -- never deleted.
      CREATE TABLE samples (
        run_key      bigint NOT NULL,
        device_key   bigint NOT NULL,
        start_ms     double precision NOT NULL,
        end_ms       double precision NOT NULL CHECK (end_ms >= start_ms),
        energy_j     double precision NOT NULL CHECK (energy_j >= 0),
        attributed_j double precision NOT NULL CHECK (attributed_j >= 0)
      );
      CREATE INDEX samples_by_run_start ON samples (run_key, start_ms);

      CREATE TABLE markers (
        key     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        run_key bigint NOT NULL REFERENCES runs (key),
        at_ms   double precision NOT NULL,
        label   text   NOT NULL,
        phase   text   ${PHASE_CHECK},
        attrs   jsonb  NOT NULL                     -- object of strings
      );
      CREATE INDEX markers_by_run_at ON markers (run_key, at_ms);
    `,
  },
  {
    version: 2,
    description: 'entries: declared and imported footprints',
    sql: `
      CREATE TABLE entries (
        key           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id            text COLLATE "C" NOT NULL UNIQUE CHECK (length(id) > 0),
        project       text   NOT NULL,
        model         text,
        phase         text   NOT NULL ${PHASE_CHECK},
        training_type text   CHECK (training_type IN ('offline', 'online')),
        label         text   NOT NULL,
        at_ms         double precision NOT NULL,
        source        text   NOT NULL CHECK (source IN ('declared', 'codecarbon', 'footprint')),
        import_key    text   UNIQUE,                -- NULL for entries that were not imported
        spec          jsonb  NOT NULL,              -- the estimate spec
        predictions   double precision CHECK (predictions >= 0),
        attrs         jsonb  NOT NULL               -- object of strings
      );
      CREATE INDEX entries_by_at ON entries (at_ms);
    `,
  },
  {
    version: 3,
    description: 'device_totals: per-run, per-device sums kept with each sample batch',
    // As in SQLite: one row per (run, device) with samples, upserted by the statement that appends
    // a batch. Few writes (one row per device a batch), so unlike samples it keeps its foreign keys.
    sql: `
      CREATE TABLE device_totals (
        run_key      bigint NOT NULL REFERENCES runs (key),
        device_key   bigint NOT NULL REFERENCES devices (key),
        energy_j     double precision NOT NULL CHECK (energy_j >= 0),
        attributed_j double precision NOT NULL CHECK (attributed_j >= 0),
        sample_count bigint NOT NULL CHECK (sample_count > 0),
        first_ms     double precision NOT NULL,     -- min(start_ms)
        last_ms      double precision NOT NULL,     -- max(end_ms)
        PRIMARY KEY (run_key, device_key)
      );
      INSERT INTO device_totals (run_key, device_key, energy_j, attributed_j, sample_count, first_ms, last_ms)
        SELECT run_key, device_key, sum(energy_j), sum(attributed_j), count(*), min(start_ms), max(end_ms)
        FROM samples GROUP BY run_key, device_key;
    `,
  },
];

export const PG_LATEST_VERSION = PG_MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);

/** First key of the two-part advisory lock taken while migrating; the second is the schema's hash. */
const MIGRATION_LOCK = 0x46505254; // "FPRT"

/**
 * Brings the schema `client` sees to the latest version; returns the versions it applied (none when
 * already current). A schema written by a newer Footprint is refused rather than guessed at.
 */
export async function migratePostgres(client: ClientBase, where: string, nowMs: number): Promise<number[]> {
  await client.query('BEGIN');
  try {
    await client.query("SELECT pg_advisory_xact_lock($1, hashtext(coalesce(current_schema(), '')))", [
      MIGRATION_LOCK,
    ]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_version (
      version       integer PRIMARY KEY,
      description   text NOT NULL,
      applied_at_ms double precision NOT NULL
    )`);
    const { rows } = await client.query<{ v: number }>(
      'SELECT coalesce(max(version), 0) AS v FROM schema_version',
    );
    const current = rows[0]?.v ?? 0;
    if (current > PG_LATEST_VERSION) {
      throw new FootprintError(
        'unavailable',
        `the PostgreSQL ledger at ${where} has schema version ${current}, but this Footprint knows only up to ${PG_LATEST_VERSION}: upgrade Footprint, or pass --ledger to use another ledger`,
      );
    }
    const applied: number[] = [];
    for (const m of PG_MIGRATIONS) {
      if (m.version <= current) continue;
      await client.query(m.sql);
      await client.query(
        'INSERT INTO schema_version (version, description, applied_at_ms) VALUES ($1, $2, $3)',
        [m.version, m.description, nowMs],
      );
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
