/**
 * The team ledger: one PostgreSQL database that many hosts write to at once (`--ledger
 * postgres://…`). Same interface, validation, errors and behaviour as the SQLite file; the contract
 * suite runs against both.
 *
 * Nothing here assumes one process: every write is one statement or one transaction, so it is
 * atomic on its own and safe beside other hosts' writes; a sample batch is a single statement
 * (multi-row insert from arrays, the upsert of its per-device sums into `device_totals`, and the
 * run's sign of life), so one round trip commits it. The only in-process state is a cache of run
 * and device keys, which never change once assigned.
 * Interrupted runs are found by heartbeat staleness (and, for this host's runs, by asking whether
 * the wrapper process still exists), as in SQLite. Reads that must agree (`runTotals`) share one
 * repeatable-read snapshot.
 */
import pg from 'pg';
import type { Entry } from '../core/entry.js';
import { FootprintError, isFootprintError } from '../core/errors.js';
import type { DeviceInfo, EnergySample, Marker } from '../core/measurement.js';
import { addToSums, type DeviceSums } from './batch-sums.js';
import type {
  AddedEntries,
  DeviceEnergy,
  EntryQuery,
  IsAlive,
  Ledger,
  NewRun,
  RunEnd,
  RunQuery,
  RunSummary,
  RunTotals,
} from './ledger.js';
import { redactUrl } from './location.js';
import { migratePostgres } from './postgres-migrations.js';
import { entryFilter, type Filter, runFilter } from './query.js';
import { siteToJson, toDeviceEnergy, toDevices, toEntries, toMarkers, toRuns, toRunTotals } from './rows.js';
import {
  checkEntries,
  checkEntryQuery,
  checkMarker,
  checkNewRun,
  checkRunEnd,
  checkRunQuery,
  checkTime,
  entryIdTaken,
  explainSample,
  sampleOk,
} from './validate.js';

export interface PostgresLedgerOptions {
  /** How long to wait for a connection before giving up. Default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Connections this process keeps open at most. Default 4. */
  readonly maxConnections?: number;
}

export interface PostgresLedger extends Ledger {
  /** The URL, without its password: safe to print. */
  readonly url: string;
  /** The schema versions this open applied: empty when the schema was already current. */
  readonly migrationsApplied: readonly number[];
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
const MAX_AMBIGUOUS_SHOWN = 10;
const TOP = '\u{10FFFF}';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The SQLSTATE of a server error, or the errno code of a socket error (from Node's AggregateError too). */
function codeOf(e: unknown): string | undefined {
  const err = e as { code?: unknown; errors?: { code?: unknown }[] } | undefined;
  if (typeof err?.code === 'string') return err.code;
  const inner = err?.errors?.find((x) => typeof x?.code === 'string')?.code;
  return typeof inner === 'string' ? inner : undefined;
}

/** Why the server cannot be used at all (as opposed to one statement failing), in a few words. */
function unreachableReason(e: unknown, timeoutMs: number): string | undefined {
  const code = codeOf(e);
  const message = messageOf(e);
  if (code && /^E[A-Z]+$/.test(code)) return code; // ECONNREFUSED, ENOTFOUND, ETIMEDOUT, …
  // A SQLSTATE: 08 connection exception, 28 authentication, 3D000 no such database, 57P0x shutdown.
  if (code && /^[0-9A-Z]{5}$/.test(code)) return /^(08|28|3D|57P0)/.test(code) ? message : undefined;
  // No code: the driver's own connection errors.
  if (/timeout/i.test(message)) return `no answer within ${timeoutMs / 1000} s`;
  if (/Connection terminated|ended unexpectedly/i.test(message)) return message;
  return undefined;
}

type Key = string; // bigint keys arrive from pg as text and go back as text
type Client = pg.PoolClient;

/** The run columns `toRuns` expects, jsonb read back as text. */
const RUN_COLUMNS = `r.key, r.id, r.command::text AS command, r.cwd, r.host, r.wrapper_pid, r.start_ms,
  r.end_ms, r.last_seen_ms, r.phase, r.project, r.model, r.tags::text AS tags, r.interval_s,
  r.site::text AS site, r.status, r.exit_code, r.signal`;
/** Runs with their totals (the sums of their device totals); followed by `WHERE …`. */
const RUNS_WITH_TOTALS = `SELECT ${RUN_COLUMNS}, t.energy_j, t.attributed_j, t.sample_count
  FROM runs r CROSS JOIN LATERAL (
    SELECT coalesce(sum(t.energy_j), 0)::float8 AS energy_j, coalesce(sum(t.attributed_j), 0)::float8 AS attributed_j,
      coalesce(sum(t.sample_count), 0)::float8 AS sample_count
    FROM device_totals t WHERE t.run_key = r.key
  ) t`;
const ENTRY_COLUMNS = `id, project, model, phase, training_type, label, at_ms, source, import_key,
  spec::text AS spec, predictions, attrs::text AS attrs`;
const TOUCH = `UPDATE runs SET last_seen_ms = greatest(last_seen_ms, $2::float8),
    status = CASE WHEN status = 'interrupted' THEN 'running' ELSE status END,
    end_ms = CASE WHEN status = 'interrupted' THEN NULL ELSE end_ms END
  WHERE key = $1`;
/**
 * A sample batch in one statement: the samples, the batch's per-device sums (one row per device,
 * summed by the client, in key order so that concurrent writers lock rows in the same order) added
 * to `device_totals`, and the run's sign of life. All of it commits, or none.
 */
const APPEND = `WITH inserted AS (
    INSERT INTO samples (run_key, device_key, start_ms, end_ms, energy_j, attributed_j)
    SELECT $1::bigint, d, s, e, j, a
    FROM unnest($3::bigint[], $4::float8[], $5::float8[], $6::float8[], $7::float8[]) AS u(d, s, e, j, a)
  ), totals AS (
    INSERT INTO device_totals AS t (run_key, device_key, energy_j, attributed_j, sample_count, first_ms, last_ms)
    SELECT $1::bigint, d, j, a, n, f, l
    FROM unnest($8::bigint[], $9::float8[], $10::float8[], $11::bigint[], $12::float8[], $13::float8[])
      AS u(d, j, a, n, f, l)
    ORDER BY d
    ON CONFLICT (run_key, device_key) DO UPDATE SET energy_j = t.energy_j + excluded.energy_j,
      attributed_j = t.attributed_j + excluded.attributed_j, sample_count = t.sample_count + excluded.sample_count,
      first_ms = least(t.first_ms, excluded.first_ms), last_ms = greatest(t.last_ms, excluded.last_ms)
  )
  ${TOUCH}`;

/**
 * A PostgreSQL array literal of numbers (or digit strings): what the driver would send for the
 * array, without its per-element quoting, which is most of the client's cost of a sample batch.
 * Only finite numbers reach here (validated), and `String(n)` of those is valid float8 input.
 */
const arrayLiteral = (values: readonly (number | string)[]): string => `{${values.join(',')}}`;

const byKey = (a: { key: Key }, b: { key: Key }): number =>
  a.key.length - b.key.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

class PostgresLedgerImpl implements PostgresLedger {
  private readonly runKeys = new Map<string, Key>();
  private readonly deviceKeys = new Map<Key, Map<string, Key>>();
  private closed = false;

  constructor(
    readonly url: string,
    private readonly pool: pg.Pool,
    readonly migrationsApplied: readonly number[],
    private readonly timeoutMs: number,
  ) {}

  async createRun(run: NewRun): Promise<void> {
    checkNewRun(run);
    await this.guard('createRun', async () => {
      try {
        await this.pool.query(
          `INSERT INTO runs (id, command, cwd, host, wrapper_pid, start_ms, last_seen_ms, phase, project, model,
             tags, interval_s, site, status)
           VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $11, $12, 'running')`,
          [
            run.id,
            JSON.stringify(run.command),
            run.cwd,
            run.host,
            run.wrapperPid,
            run.startMs,
            run.phase,
            run.project ?? 'default',
            run.model ?? null,
            JSON.stringify(run.tags ?? {}),
            run.intervalS,
            run.site ? siteToJson(run.site) : null,
          ],
        );
      } catch (e) {
        if (codeOf(e) === '23505')
          throw new FootprintError('invalid_value', `run id ${run.id} is already in the ledger ${this.url}`, {
            cause: e,
          });
        throw e;
      }
    });
  }

  async addDevices(runId: string, devices: readonly DeviceInfo[]): Promise<void> {
    await this.guard('addDevices', async () => {
      const runKey = await this.runKey(runId);
      if (devices.length === 0) return;
      // One row per id: its first position, its latest description (as SQLite's loop of upserts).
      const unique = [...new Map(devices.map((d) => [d.id, d])).values()];
      const col = <T>(f: (d: DeviceInfo) => T): T[] => unique.map(f);
      const { rows } = await this.pool.query<{ key: Key; device_id: string }>(
        `INSERT INTO devices (run_key, device_id, kind, name, model, method, provenance, source)
         SELECT $1::bigint, id, kind, name, model, method, provenance, source
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
           WITH ORDINALITY AS u(id, kind, name, model, method, provenance, source, n)
         ORDER BY n
         ON CONFLICT (run_key, device_id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
           model = excluded.model, method = excluded.method, provenance = excluded.provenance,
           source = excluded.source
         RETURNING key, device_id`,
        [
          runKey,
          col((d) => d.id),
          col((d) => d.kind),
          col((d) => d.name),
          col((d) => d.model ?? null),
          col((d) => d.method),
          col((d) => d.provenance),
          col((d) => d.source),
        ],
      );
      const cache = this.deviceCache(runKey);
      for (const r of rows) cache.set(r.device_id, r.key);
    });
  }

  async appendSamples(runId: string, samples: readonly EnergySample[]): Promise<void> {
    if (samples.length === 0) return;
    await this.guard('appendSamples', async () => {
      const runKey = await this.runKey(runId);
      let devices = this.deviceCache(runKey);
      const n = samples.length;
      const deviceKeys = new Array<Key>(n);
      const starts = new Array<number>(n);
      const ends = new Array<number>(n);
      const energies = new Array<number>(n);
      const attributed = new Array<number>(n);
      const sums = new Map<Key, DeviceSums<Key>>();
      let lastEnd = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        const s = samples[i] as EnergySample;
        let deviceKey = devices.get(s.deviceId);
        if (deviceKey === undefined) {
          devices = await this.loadDevices(runKey);
          deviceKey = devices.get(s.deviceId);
          if (deviceKey === undefined)
            throw new FootprintError(
              'not_found',
              `run ${runId}: samples[${i}] is for device ${s.deviceId}, which was never added to the run (addDevices first); nothing of this batch was stored`,
            );
        }
        if (!sampleOk(s)) throw explainSample(runId, i, s);
        deviceKeys[i] = deviceKey;
        starts[i] = s.startMs;
        ends[i] = s.endMs;
        energies[i] = s.energyJ;
        attributed[i] = s.attributedJ;
        if (s.endMs > lastEnd) lastEnd = s.endMs;
        addToSums(sums, deviceKey, s);
      }
      const totals = [...sums.values()];
      const col = (f: (t: DeviceSums<Key>) => Key | number): (Key | number)[] => totals.map(f);
      await this.pool.query({
        name: 'footprint_append_samples',
        text: APPEND,
        values: [
          runKey,
          lastEnd,
          ...[deviceKeys, starts, ends, energies, attributed].map(arrayLiteral),
          ...[
            col((t) => t.deviceKey),
            col((t) => t.energyJ),
            col((t) => t.attributedJ),
            col((t) => t.count),
            col((t) => t.firstMs),
            col((t) => t.lastMs),
          ].map(arrayLiteral),
        ],
      });
    });
  }

  async addMarker(runId: string, marker: Marker): Promise<void> {
    checkMarker(runId, marker);
    await this.guard('addMarker', async () => {
      await this.pool.query(
        'INSERT INTO markers (run_key, at_ms, label, phase, attrs) VALUES ($1, $2, $3, $4, $5)',
        [
          await this.runKey(runId),
          marker.atMs,
          marker.label,
          marker.phase ?? null,
          JSON.stringify(marker.attrs),
        ],
      );
    });
  }

  async heartbeat(runId: string, nowMs: number): Promise<void> {
    checkTime(`run ${runId}: heartbeat time`, nowMs);
    await this.guard('heartbeat', async () => {
      await this.pool.query({
        name: 'footprint_touch',
        text: TOUCH,
        values: [await this.runKey(runId), nowMs],
      });
    });
  }

  async finishRun(runId: string, end: RunEnd): Promise<void> {
    checkRunEnd(runId, end);
    await this.guard('finishRun', async () => {
      await this.pool.query(
        'UPDATE runs SET end_ms = $1, status = $2, exit_code = $3, signal = $4 WHERE key = $5',
        [end.endMs, end.status, end.exitCode ?? null, end.signal ?? null, await this.runKey(runId)],
      );
    });
  }

  async getRun(ref: string): Promise<RunSummary | undefined> {
    return this.guard('getRun', async () => {
      if (ref === 'last')
        return toRuns(
          this.url,
          await this.rows(`${RUNS_WITH_TOTALS} ORDER BY r.start_ms DESC, r.key DESC LIMIT 1`),
        )[0];
      const exact = await this.rows(`${RUNS_WITH_TOTALS} WHERE r.id = $1`, [ref]);
      if (exact.length > 0 || ref === '') return toRuns(this.url, exact)[0];
      const found = await this.rows<{ id: string }>(
        'SELECT id FROM runs WHERE id >= $1 AND id < $2 ORDER BY id LIMIT $3',
        [ref, ref + TOP, MAX_AMBIGUOUS_SHOWN + 1],
      );
      if (found.length === 0) return undefined;
      if (found.length === 1)
        return toRuns(this.url, await this.rows(`${RUNS_WITH_TOTALS} WHERE r.id = $1`, [found[0]?.id]))[0];
      const shown = found.slice(0, MAX_AMBIGUOUS_SHOWN).map((r) => r.id);
      const more = found.length > MAX_AMBIGUOUS_SHOWN ? ' and more' : '';
      throw new FootprintError(
        'not_found',
        `run id prefix "${ref}" is ambiguous: it matches ${shown.join(', ')}${more}; give more characters`,
      );
    });
  }

  async listRuns(query: RunQuery = {}): Promise<RunSummary[]> {
    checkRunQuery('listRuns', query);
    return this.guard('listRuns', async () => {
      const f = selectRuns(query, 'r.');
      return toRuns(this.url, await this.rows(`${RUNS_WITH_TOTALS} ${f.where}`, f.params));
    });
  }

  async runTotals(query: RunQuery = {}): Promise<RunTotals[]> {
    checkRunQuery('runTotals', query);
    return this.guard('runTotals', () =>
      this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY', async (c) => {
        const f = selectRuns(query, 'r.');
        const runs = (await c.query<{ key: Key }>(`SELECT ${RUN_COLUMNS} FROM runs r ${f.where}`, f.params))
          .rows;
        if (runs.length === 0) return [];
        const chosen = `run_key IN (SELECT r.key FROM runs r ${f.where})`;
        // Each device with its row of device_totals: totals are never summed from the samples here.
        const devices = await c.query<{ run_key: Key }>(
          `SELECT d.run_key, d.device_id, d.kind, d.name, d.model, d.method, d.provenance, d.source,
             t.energy_j, t.attributed_j, t.sample_count::float8 AS sample_count, t.first_ms, t.last_ms
           FROM devices d LEFT JOIN device_totals t ON t.run_key = d.run_key AND t.device_key = d.key
           WHERE d.${chosen} ORDER BY d.key`,
          f.params,
        );
        const markers = await c.query<{ run_key: Key }>(
          `SELECT run_key, at_ms, label, phase, attrs::text AS attrs FROM markers
           WHERE phase IS NOT NULL AND ${chosen} ORDER BY run_key, at_ms, key`,
          f.params,
        );
        return toRunTotals(this.url, runs, devices.rows, markers.rows);
      }),
    );
  }

  async samples(runId: string): Promise<EnergySample[]> {
    return this.guard('samples', async () => {
      const result = await this.pool.query<[string, number, number, number, number]>({
        text: `SELECT d.device_id, s.start_ms, s.end_ms, s.energy_j, s.attributed_j
               FROM samples s JOIN devices d ON d.key = s.device_key
               WHERE s.run_key = $1 ORDER BY s.start_ms, s.device_key`,
        values: [await this.runKey(runId)],
        rowMode: 'array',
      });
      return result.rows.map(([deviceId, startMs, endMs, energyJ, attributedJ]) => ({
        deviceId,
        startMs,
        endMs,
        energyJ,
        attributedJ,
      }));
    });
  }

  async markers(runId: string): Promise<Marker[]> {
    return this.guard('markers', async () =>
      toMarkers(
        this.url,
        await this.rows(
          'SELECT at_ms, label, phase, attrs::text AS attrs FROM markers WHERE run_key = $1 ORDER BY at_ms, key',
          [await this.runKey(runId)],
        ),
      ),
    );
  }

  async devices(runId: string): Promise<DeviceInfo[]> {
    return this.guard('devices', async () =>
      toDevices(
        this.url,
        await this.rows(
          'SELECT device_id, kind, name, model, method, provenance, source FROM devices WHERE run_key = $1 ORDER BY key',
          [await this.runKey(runId)],
        ),
      ),
    );
  }

  async energyByDevice(runId: string): Promise<DeviceEnergy[]> {
    return this.guard('energyByDevice', async () =>
      toDeviceEnergy(
        this.url,
        await this.rows(
          `SELECT d.device_id, t.energy_j, t.attributed_j, t.sample_count::float8 AS sample_count, t.first_ms,
             t.last_ms
           FROM devices d LEFT JOIN device_totals t ON t.run_key = d.run_key AND t.device_key = d.key
           WHERE d.run_key = $1 ORDER BY d.key`,
          [await this.runKey(runId)],
        ),
      ),
    );
  }

  async reapInterrupted(isAlive: IsAlive, host: string, nowMs: number, staleMs: number): Promise<string[]> {
    checkTime('reapInterrupted nowMs', nowMs);
    checkTime('reapInterrupted staleMs', staleMs);
    return this.guard('reapInterrupted', () =>
      this.transaction('BEGIN', async (c) => {
        const mark = "UPDATE runs SET status = 'interrupted', end_ms = last_seen_ms";
        // Re-checked against the newest row by PostgreSQL if another host touches it meanwhile.
        const stale = await c.query<{ key: Key; id: string }>(
          `${mark} WHERE status = 'running' AND $1::float8 - last_seen_ms > $2::float8 RETURNING key, id`,
          [nowMs, staleMs],
        );
        const mine = await c.query<{ key: Key; wrapper_pid: number }>(
          "SELECT key, wrapper_pid FROM runs WHERE status = 'running' AND host = $1",
          [host],
        );
        const dead = mine.rows.filter((r) => !isAlive(host, r.wrapper_pid)).map((r) => r.key);
        const gone =
          dead.length === 0
            ? []
            : (
                await c.query<{ key: Key; id: string }>(
                  `${mark} WHERE key = ANY($1::bigint[]) AND status = 'running' RETURNING key, id`,
                  [dead],
                )
              ).rows;
        return [...stale.rows, ...gone].sort(byKey).map((r) => r.id);
      }),
    );
  }

  async addEntries(entries: readonly Entry[]): Promise<AddedEntries> {
    const specs = checkEntries(entries);
    if (entries.length === 0) return { added: 0, skipped: 0 };
    return this.guard('addEntries', async () => {
      const col = <T>(f: (e: Entry, i: number) => T): T[] => entries.map(f);
      try {
        // One statement: atomic by itself. Rows go in batch order, so the first of two entries
        // with one import key is the one kept.
        const { rowCount } = await this.pool.query(
          `INSERT INTO entries (id, project, model, phase, training_type, label, at_ms, source, import_key,
             spec, predictions, attrs)
           SELECT id, project, model, phase, training_type, label, at_ms, source, import_key,
             spec::jsonb, predictions, attrs::jsonb
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[],
               $8::text[], $9::text[], $10::text[], $11::float8[], $12::text[])
             WITH ORDINALITY AS u(id, project, model, phase, training_type, label, at_ms, source, import_key,
               spec, predictions, attrs, n)
           ORDER BY n
           ON CONFLICT (import_key) DO NOTHING`,
          [
            col((e) => e.id),
            col((e) => e.project),
            col((e) => e.model ?? null),
            col((e) => e.phase),
            col((e) => e.trainingType ?? null),
            col((e) => e.label),
            col((e) => e.atMs),
            col((e) => e.source),
            col((e) => e.importKey ?? null),
            specs,
            col((e) => e.predictions ?? null),
            col((e) => JSON.stringify(e.attrs)),
          ],
        );
        const added = rowCount ?? 0;
        return { added, skipped: entries.length - added };
      } catch (e) {
        if (codeOf(e) === '23505') {
          const detail = (e as { detail?: string }).detail ?? '';
          const id = /^Key \(id\)=\((.*)\) already exists/.exec(detail)?.[1] ?? '(unknown)';
          throw entryIdTaken(id, this.url, e);
        }
        throw e;
      }
    });
  }

  async listEntries(query: EntryQuery = {}): Promise<Entry[]> {
    checkEntryQuery(query);
    return this.guard('listEntries', async () => {
      const f = entryFilter(query, (i) => `$${i + 1}`);
      return toEntries(
        this.url,
        await this.rows(`SELECT ${ENTRY_COLUMNS} FROM entries ${f.where} ORDER BY at_ms, key`, f.params),
      );
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  private async rows<R = unknown>(text: string, values: unknown[] = []): Promise<R[]> {
    return (await this.pool.query(text, values)).rows as R[];
  }

  /** Runs `fn` inside `begin` … COMMIT on one connection; rolls back (or drops a broken connection) on failure. */
  private async transaction<T>(begin: string, fn: (c: Client) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await c.query(begin);
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch((rollback: unknown) => {
        broken = rollback instanceof Error ? rollback : new Error(String(rollback));
      });
      throw e;
    } finally {
      c.release(broken);
    }
  }

  /** The run's key; `not_found` when the ledger does not have it. Cached: keys never change. */
  private async runKey(runId: string): Promise<Key> {
    const cached = this.runKeys.get(runId);
    if (cached !== undefined) return cached;
    const [row] = await this.rows<{ key: Key }>('SELECT key FROM runs WHERE id = $1', [runId]);
    if (!row)
      throw new FootprintError(
        'not_found',
        `run ${runId} is not in the ledger ${this.url}; \`footprint ls\` lists the runs it has`,
      );
    this.runKeys.set(runId, row.key);
    return row.key;
  }

  private deviceCache(runKey: Key): Map<string, Key> {
    let cache = this.deviceKeys.get(runKey);
    if (!cache) {
      cache = new Map();
      this.deviceKeys.set(runKey, cache);
    }
    return cache;
  }

  /** The run's devices as the server has them now (another host may have added some). */
  private async loadDevices(runKey: Key): Promise<Map<string, Key>> {
    const cache = this.deviceCache(runKey);
    for (const r of await this.rows<{ key: Key; device_id: string }>(
      'SELECT key, device_id FROM devices WHERE run_key = $1',
      [runKey],
    ))
      cache.set(r.device_id, r.key);
    return cache;
  }

  /** Runs `fn`, turning driver errors into `FootprintError`s that name the server and the fix. */
  private async guard<T>(op: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new FootprintError('internal', `${op}: the ledger ${this.url} was already closed`);
    try {
      return await fn();
    } catch (e) {
      if (isFootprintError(e)) throw e;
      const reason = unreachableReason(e, this.timeoutMs);
      if (reason !== undefined) throw unreachable(this.url, reason, e);
      const code = codeOf(e) ?? 'unknown';
      if (code.startsWith('22'))
        throw new FootprintError(
          'invalid_value',
          `${op}: ledger ${this.url} refused a value: ${messageOf(e)}`,
          {
            cause: e,
          },
        );
      throw new FootprintError('io_error', `${op}: ledger ${this.url}: ${messageOf(e)} (${code})`, {
        cause: e,
      });
    }
  }
}

/** `WHERE … ORDER BY … LIMIT $n` choosing the runs of `query`, newest first (`LIMIT NULL` is all). */
function selectRuns(query: RunQuery, alias: string): Filter {
  const f = runFilter(query, (i) => `$${i + 1}`, alias);
  return {
    where: `${f.where} ORDER BY ${alias}start_ms DESC, ${alias}key DESC LIMIT $${f.params.length + 1}`,
    params: [...f.params, query.limit ?? null],
  };
}

const unreachable = (url: string, reason: string, cause: unknown): FootprintError =>
  new FootprintError(
    'unavailable',
    `cannot reach the PostgreSQL ledger at ${url}: ${reason}; check the URL, or use a SQLite file with --ledger PATH`,
    { cause },
  );

/**
 * Connects to the PostgreSQL ledger at `url` and brings its schema up to date. A server that cannot
 * be reached or refuses the login fails fast (`connectTimeoutMs`) with an `unavailable` error that
 * names the URL without its password; nothing is thrown raw.
 */
export async function openPostgresLedger(
  url: string,
  options: PostgresLedgerOptions = {},
): Promise<PostgresLedger> {
  const shown = redactUrl(url);
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  try {
    new URL(url);
  } catch (e) {
    throw unreachable(shown, 'it is not a valid URL (postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE)', e);
  }
  let pool: pg.Pool;
  try {
    pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: timeoutMs,
      max: options.maxConnections ?? 4,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      application_name: 'footprint',
    });
  } catch (e) {
    throw unreachable(shown, messageOf(e), e);
  }
  // An idle connection the server dropped: the pool discards it and the next query opens another.
  pool.on('error', () => undefined);
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    const applied = await migratePostgres(client, shown, Date.now());
    client.release();
    return new PostgresLedgerImpl(shown, pool, applied, timeoutMs);
  } catch (e) {
    client?.release(true);
    await pool.end().catch(() => undefined);
    if (isFootprintError(e)) throw e;
    const reason = unreachableReason(e, timeoutMs);
    if (reason !== undefined) throw unreachable(shown, reason, e);
    if (codeOf(e) === '3F000')
      throw new FootprintError(
        'unavailable',
        `the PostgreSQL ledger at ${shown} has no schema to create its tables in (none of the search_path exists); create it, or fix the URL`,
        { cause: e },
      );
    throw new FootprintError(
      'io_error',
      `cannot set up the PostgreSQL ledger at ${shown}: ${messageOf(e)} (${codeOf(e) ?? 'unknown'})`,
      { cause: e },
    );
  }
}
