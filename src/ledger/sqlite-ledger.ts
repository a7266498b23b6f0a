/**
 * The default ledger: one embedded SQLite file (better-sqlite3), shared by every `footprint`
 * process on the machine. WAL journal with `synchronous=NORMAL`: a committed batch survives the
 * death of the process that wrote it, readers never block the writer, and writers from many
 * processes take turns on the write lock (waiting up to `busy_timeout`) instead of failing.
 * Multi-statement writes run in `BEGIN IMMEDIATE` transactions, so a writer never has to upgrade
 * a read lock (which SQLite refuses at once rather than wait); single statements take the write
 * lock as they start. Statements are prepared once per open.
 * Outside run ids are strings; inside, runs and devices have integer keys so that the samples
 * table (the only big one) stays narrow. Each batch also adds its per-device sums to
 * `device_totals` in the same transaction, so totals are read from there, never summed from samples.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
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
import { migrate } from './migrations.js';
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

export interface SqliteLedgerOptions {
  /** How long a writer waits for another process's write lock before failing. Default 10 s. */
  readonly busyTimeoutMs?: number;
}

export interface SqliteLedger extends Ledger {
  /** The absolute path of the file. */
  readonly path: string;
  /** The schema versions this open applied: empty when the file was already current. */
  readonly migrationsApplied: readonly number[];
}

const DEFAULT_BUSY_TIMEOUT_MS = 10_000;
const MAX_AMBIGUOUS_SHOWN = 10;
/** The highest code point: `id < prefix || TOP` bounds a prefix range on the id index. */
const TOP = '\u{10FFFF}';

const sqliteCode = (e: unknown): string =>
  e instanceof Database.SqliteError ? e.code : e instanceof Error ? e.name : 'unknown';
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * `stmt.all(...params)` as plain objects, made here from raw rows: for tens of thousands of rows
 * this is about a third cheaper than letting the driver build each object.
 */
function allObjects(stmt: Database.Statement, params: readonly unknown[]): Record<string, unknown>[] {
  const names = stmt.columns().map((c) => c.name);
  let rows: unknown[][];
  try {
    rows = stmt.raw(true).all(...params) as unknown[][];
  } finally {
    stmt.raw(false); // statements are shared (see `statement`): leave it as found
  }
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown[];
    const o: Record<string, unknown> = {};
    for (let c = 0; c < names.length; c++) o[names[c] as string] = row[c];
    out[i] = o;
  }
  return out;
}

/** Why a file cannot be opened, in words that say what to do. */
function openError(path: string, e: unknown): FootprintError {
  if (isFootprintError(e)) return e;
  const code = sqliteCode(e);
  const fix = 'pass --ledger PATH or set FOOTPRINT_HOME to use another place';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return new FootprintError(
      'io_error',
      `${path} is not a Footprint ledger (SQLite: ${messageOf(e)}); move the file away, or ${fix}`,
      { cause: e },
    );
  if (code === 'SQLITE_BUSY')
    return new FootprintError(
      'io_error',
      `ledger ${path} stayed locked by another process while opening it; retry, or ${fix}`,
      { cause: e },
    );
  return new FootprintError(
    'io_error',
    `cannot open the ledger ${path} (${messageOf(e)}); check that its directory is writable, or ${fix}`,
    { cause: e },
  );
}

type RunKeyRow = { key: number };
type SampleTuple = [deviceKey: number, startMs: number, endMs: number, energyJ: number, attributedJ: number];
type Totals = { energy_j: number; attributed_j: number; sample_count: number };

class SqliteLedgerImpl implements SqliteLedger {
  readonly migrationsApplied: readonly number[];
  private readonly runKeys = new Map<string, number>();
  private readonly deviceKeys = new Map<number, Map<string, number>>();
  private readonly listStatements = new Map<string, Database.Statement>();
  private readonly s;
  private readonly appendTx;
  private readonly samplesTx;
  private readonly addDevicesTx;
  private readonly reapTx;
  private readonly entriesTx;
  private readonly runTotalsTx;

  constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {
    this.migrationsApplied = migrate(db, path, Date.now());
    this.s = {
      insertRun: db.prepare(
        `INSERT INTO runs (id, command, cwd, host, wrapper_pid, start_ms, last_seen_ms, phase, project, model,
           tags, interval_s, site, status)
         VALUES (@id, @command, @cwd, @host, @wrapperPid, @startMs, @startMs, @phase, @project, @model,
           @tags, @intervalS, @site, 'running')`,
      ),
      runKey: db.prepare<[string], RunKeyRow>('SELECT key FROM runs WHERE id = ?'),
      deviceKey: db.prepare<[number, string], RunKeyRow>(
        'SELECT key FROM devices WHERE run_key = ? AND device_id = ?',
      ),
      upsertDevice: db.prepare<
        [number, string, string, string, string | null, string, string, string],
        RunKeyRow
      >(
        `INSERT INTO devices (run_key, device_id, kind, name, model, method, provenance, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_key, device_id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
           model = excluded.model, method = excluded.method, provenance = excluded.provenance,
           source = excluded.source
         RETURNING key`,
      ),
      insertSample: db.prepare<[number, number, number, number, number, number]>(
        'INSERT INTO samples (run_key, device_key, start_ms, end_ms, energy_j, attributed_j) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      // Unqualified columns are the stored row; `excluded` is the batch's sums.
      addTotals: db.prepare<[number, number, number, number, number, number, number]>(
        `INSERT INTO device_totals (run_key, device_key, energy_j, attributed_j, sample_count, first_ms, last_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_key, device_key) DO UPDATE SET energy_j = energy_j + excluded.energy_j,
           attributed_j = attributed_j + excluded.attributed_j, sample_count = sample_count + excluded.sample_count,
           first_ms = min(first_ms, excluded.first_ms), last_ms = max(last_ms, excluded.last_ms)`,
      ),
      // Every expression on the right sees the row as it was before the update.
      touch: db.prepare<[number, number]>(
        `UPDATE runs SET last_seen_ms = max(last_seen_ms, ?),
           status = CASE WHEN status = 'interrupted' THEN 'running' ELSE status END,
           end_ms = CASE WHEN status = 'interrupted' THEN NULL ELSE end_ms END
         WHERE key = ?`,
      ),
      insertMarker: db.prepare<[number, number, string, string | null, string]>(
        'INSERT INTO markers (run_key, at_ms, label, phase, attrs) VALUES (?, ?, ?, ?, ?)',
      ),
      finish: db.prepare<[number, string, number | null, string | null, number]>(
        'UPDATE runs SET end_ms = ?, status = ?, exit_code = ?, signal = ? WHERE key = ?',
      ),
      runById: db.prepare<[string]>('SELECT * FROM runs WHERE id = ?'),
      lastRun: db.prepare('SELECT * FROM runs ORDER BY start_ms DESC, key DESC LIMIT 1'),
      runsByPrefix: db.prepare<[string, string, number]>(
        'SELECT * FROM runs WHERE id >= ? AND id < ? ORDER BY id LIMIT ?',
      ),
      totals: db.prepare<[number], Totals>(
        `SELECT coalesce(sum(energy_j), 0.0) AS energy_j, coalesce(sum(attributed_j), 0.0) AS attributed_j,
           coalesce(sum(sample_count), 0) AS sample_count
         FROM device_totals WHERE run_key = ?`,
      ),
      samples: db
        .prepare<[number], SampleTuple>(
          `SELECT device_key, start_ms, end_ms, energy_j, attributed_j
           FROM samples WHERE run_key = ? ORDER BY start_ms, rowid`,
        )
        .raw(true),
      deviceKeys: db.prepare<[number], { key: number; device_id: string }>(
        'SELECT key, device_id FROM devices WHERE run_key = ?',
      ),
      markers: db.prepare<[number]>(
        'SELECT at_ms, label, phase, attrs FROM markers WHERE run_key = ? ORDER BY at_ms, key',
      ),
      devices: db.prepare<[number]>(
        'SELECT device_id, kind, name, model, method, provenance, source FROM devices WHERE run_key = ? ORDER BY key',
      ),
      energyByDevice: db.prepare<[number]>(
        `SELECT d.device_id, t.energy_j, t.attributed_j, t.sample_count, t.first_ms, t.last_ms
         FROM devices d LEFT JOIN device_totals t ON t.run_key = d.run_key AND t.device_key = d.key
         WHERE d.run_key = ? ORDER BY d.key`,
      ),
      runningRuns: db.prepare<
        [],
        { key: number; id: string; host: string; wrapper_pid: number; last_seen_ms: number }
      >("SELECT key, id, host, wrapper_pid, last_seen_ms FROM runs WHERE status = 'running' ORDER BY key"),
      markInterrupted: db.prepare<[number]>(
        "UPDATE runs SET status = 'interrupted', end_ms = last_seen_ms WHERE key = ? AND status = 'running'",
      ),
      // Only a clash on import_key is skipped; a clash on id is still an error.
      insertEntry: db.prepare(
        `INSERT INTO entries (id, project, model, phase, training_type, label, at_ms, source, import_key,
           spec, predictions, attrs)
         VALUES (@id, @project, @model, @phase, @trainingType, @label, @atMs, @source, @importKey,
           @spec, @predictions, @attrs)
         ON CONFLICT (import_key) DO NOTHING`,
      ),
    };

    this.appendTx = db.transaction((runId: string, runKey: number, samples: readonly EnergySample[]) => {
      const devices = this.deviceCache(runKey);
      const insert = this.s.insertSample;
      // A batch has few devices: sum per device here, then one upsert each.
      const sums = new Map<number, DeviceSums<number>>();
      let lastEnd = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < samples.length; i++) {
        const s = samples[i] as EnergySample;
        let deviceKey = devices.get(s.deviceId);
        if (deviceKey === undefined) deviceKey = this.lookupDevice(runId, runKey, s.deviceId, i);
        if (!sampleOk(s)) throw explainSample(runId, i, s);
        insert.run(runKey, deviceKey, s.startMs, s.endMs, s.energyJ, s.attributedJ);
        if (s.endMs > lastEnd) lastEnd = s.endMs;
        addToSums(sums, deviceKey, s);
      }
      for (const t of sums.values())
        this.s.addTotals.run(runKey, t.deviceKey, t.energyJ, t.attributedJ, t.count, t.firstMs, t.lastMs);
      this.s.touch.run(lastEnd, runKey);
    });

    // One read transaction: the device names and the samples come from the same snapshot.
    this.samplesTx = db.transaction((runId: string, runKey: number): EnergySample[] => {
      const ids = new Map(this.s.deviceKeys.all(runKey).map((d) => [d.key, d.device_id]));
      return this.s.samples.all(runKey).map(([deviceKey, startMs, endMs, energyJ, attributedJ]) => {
        const deviceId = ids.get(deviceKey);
        if (deviceId === undefined)
          throw new FootprintError(
            'internal',
            `run ${runId}: a sample refers to device key ${deviceKey}, which has no row`,
          );
        return { deviceId, startMs, endMs, energyJ, attributedJ };
      });
    });

    this.addDevicesTx = db.transaction((runKey: number, devices: readonly DeviceInfo[]) => {
      const cache = this.deviceCache(runKey);
      for (const d of devices) {
        const row = this.s.upsertDevice.get(
          runKey,
          d.id,
          d.kind,
          d.name,
          d.model ?? null,
          d.method,
          d.provenance,
          d.source,
        );
        if (row) cache.set(d.id, row.key);
      }
    });

    this.entriesTx = db.transaction((entries: readonly Entry[], specs: readonly string[]): AddedEntries => {
      let added = 0;
      for (const [i, e] of entries.entries()) {
        try {
          added += this.s.insertEntry.run({
            id: e.id,
            project: e.project,
            model: e.model ?? null,
            phase: e.phase,
            trainingType: e.trainingType ?? null,
            label: e.label,
            atMs: e.atMs,
            source: e.source,
            importKey: e.importKey ?? null,
            spec: specs[i] ?? '{}',
            predictions: e.predictions ?? null,
            attrs: JSON.stringify(e.attrs),
          }).changes;
        } catch (err) {
          if (sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE') throw entryIdTaken(e.id, this.path, err);
          throw err;
        }
      }
      return { added, skipped: entries.length - added };
    });

    // Three set-based reads in one read transaction, so that they all see the same snapshot. Each
    // device comes with its row of device_totals: totals are never summed from the samples here.
    this.runTotalsTx = db.transaction((query: RunQuery): RunTotals[] => {
      const f = this.selectRuns(query);
      const runs = allObjects(this.statement(`SELECT * FROM runs ${f.where}`), f.params) as { key: number }[];
      if (runs.length === 0) return [];
      const chosen = `run_key IN (SELECT key FROM runs ${f.where})`;
      const devices = allObjects(
        this.statement(
          `SELECT d.run_key, d.device_id, d.kind, d.name, d.model, d.method, d.provenance, d.source,
             t.energy_j, t.attributed_j, t.sample_count, t.first_ms, t.last_ms
           FROM devices d LEFT JOIN device_totals t ON t.run_key = d.run_key AND t.device_key = d.key
           WHERE d.${chosen} ORDER BY d.key`,
        ),
        f.params,
      ) as { run_key: number }[];
      const markers = this.statement(
        `SELECT run_key, at_ms, label, phase, attrs FROM markers
         WHERE phase IS NOT NULL AND ${chosen} ORDER BY run_key, at_ms, key`,
      ).all(...f.params) as { run_key: number }[];
      return toRunTotals(this.path, runs, devices, markers);
    });

    this.reapTx = db.transaction((isAlive: IsAlive, host: string, nowMs: number, staleMs: number) => {
      const reaped: string[] = [];
      for (const r of this.s.runningRuns.all()) {
        const stale = nowMs - r.last_seen_ms > staleMs;
        const gone = stale || (r.host === host && !isAlive(r.host, r.wrapper_pid));
        if (gone && this.s.markInterrupted.run(r.key).changes === 1) reaped.push(r.id);
      }
      return reaped;
    });
  }

  async addEntries(entries: readonly Entry[]): Promise<AddedEntries> {
    const specs = checkEntries(entries);
    if (entries.length === 0) return { added: 0, skipped: 0 };
    return this.guard('addEntries', () => this.entriesTx.immediate(entries, specs));
  }

  async listEntries(query: EntryQuery = {}): Promise<Entry[]> {
    checkEntryQuery(query);
    return this.guard('listEntries', () => {
      const f = entryFilter(query, () => '?');
      const sql = `SELECT * FROM entries ${f.where} ORDER BY at_ms, key`;
      return toEntries(this.path, this.statement(sql).all(...f.params));
    });
  }

  async createRun(run: NewRun): Promise<void> {
    checkNewRun(run);
    this.guard('createRun', () => {
      try {
        this.s.insertRun.run({
          id: run.id,
          command: JSON.stringify(run.command),
          cwd: run.cwd,
          host: run.host,
          wrapperPid: run.wrapperPid,
          startMs: run.startMs,
          phase: run.phase,
          project: run.project ?? 'default',
          model: run.model ?? null,
          tags: JSON.stringify(run.tags ?? {}),
          intervalS: run.intervalS,
          site: run.site ? siteToJson(run.site) : null,
        });
      } catch (e) {
        if (sqliteCode(e) === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new FootprintError(
            'invalid_value',
            `run id ${run.id} is already in the ledger ${this.path}`,
            {
              cause: e,
            },
          );
        throw e;
      }
    });
  }

  async addDevices(runId: string, devices: readonly DeviceInfo[]): Promise<void> {
    this.guard('addDevices', () => this.addDevicesTx.immediate(this.runKey(runId), devices));
  }

  async appendSamples(runId: string, samples: readonly EnergySample[]): Promise<void> {
    if (samples.length === 0) return;
    this.guard('appendSamples', () => this.appendTx.immediate(runId, this.runKey(runId), samples));
  }

  async addMarker(runId: string, marker: Marker): Promise<void> {
    checkMarker(runId, marker);
    this.guard('addMarker', () => {
      this.s.insertMarker.run(
        this.runKey(runId),
        marker.atMs,
        marker.label,
        marker.phase ?? null,
        JSON.stringify(marker.attrs),
      );
    });
  }

  async heartbeat(runId: string, nowMs: number): Promise<void> {
    checkTime(`run ${runId}: heartbeat time`, nowMs);
    this.guard('heartbeat', () => this.s.touch.run(nowMs, this.runKey(runId)));
  }

  async finishRun(runId: string, end: RunEnd): Promise<void> {
    checkRunEnd(runId, end);
    this.guard('finishRun', () => {
      this.s.finish.run(end.endMs, end.status, end.exitCode ?? null, end.signal ?? null, this.runKey(runId));
    });
  }

  async getRun(ref: string): Promise<RunSummary | undefined> {
    return this.guard('getRun', () => {
      if (ref === 'last') return this.summarize(this.s.lastRun.all())[0];
      const exact = this.s.runById.all(ref);
      if (exact.length > 0 || ref === '') return this.summarize(exact)[0];
      const found = this.s.runsByPrefix.all(ref, ref + TOP, MAX_AMBIGUOUS_SHOWN + 1) as { id: string }[];
      if (found.length <= 1) return this.summarize(found)[0];
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
    return this.guard('listRuns', () => {
      const f = this.selectRuns(query);
      return this.summarize(this.statement(`SELECT * FROM runs ${f.where}`).all(...f.params));
    });
  }

  async runTotals(query: RunQuery = {}): Promise<RunTotals[]> {
    checkRunQuery('runTotals', query);
    return this.guard('runTotals', () => this.runTotalsTx.deferred(query));
  }

  /** `WHERE … ORDER BY … LIMIT ?` choosing the runs of `query`, newest first. */
  private selectRuns(query: RunQuery): Filter {
    const f = runFilter(query, () => '?');
    return {
      where: `${f.where} ORDER BY start_ms DESC, key DESC LIMIT ?`,
      params: [...f.params, query.limit ?? -1],
    };
  }

  /** Prepared once per distinct SQL text (queries are built from a handful of filter shapes). */
  private statement(sql: string): Database.Statement {
    let stmt = this.listStatements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.listStatements.set(sql, stmt);
    }
    return stmt;
  }

  async samples(runId: string): Promise<EnergySample[]> {
    return this.guard('samples', () => this.samplesTx.deferred(runId, this.runKey(runId)));
  }

  async markers(runId: string): Promise<Marker[]> {
    return this.guard('markers', () => toMarkers(this.path, this.s.markers.all(this.runKey(runId))));
  }

  async devices(runId: string): Promise<DeviceInfo[]> {
    return this.guard('devices', () => toDevices(this.path, this.s.devices.all(this.runKey(runId))));
  }

  async energyByDevice(runId: string): Promise<DeviceEnergy[]> {
    return this.guard('energyByDevice', () => {
      return toDeviceEnergy(this.path, this.s.energyByDevice.all(this.runKey(runId)));
    });
  }

  async reapInterrupted(isAlive: IsAlive, host: string, nowMs: number, staleMs: number): Promise<string[]> {
    checkTime('reapInterrupted nowMs', nowMs);
    checkTime('reapInterrupted staleMs', staleMs);
    return this.guard('reapInterrupted', () => this.reapTx.immediate(isAlive, host, nowMs, staleMs));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /** The run's integer key; `not_found` when the ledger does not have it. Cached: keys never change. */
  private runKey(runId: string): number {
    const cached = this.runKeys.get(runId);
    if (cached !== undefined) return cached;
    const row = this.s.runKey.get(runId);
    if (!row)
      throw new FootprintError(
        'not_found',
        `run ${runId} is not in the ledger ${this.path}; \`footprint ls\` lists the runs it has`,
      );
    this.runKeys.set(runId, row.key);
    return row.key;
  }

  private deviceCache(runKey: number): Map<string, number> {
    let cache = this.deviceKeys.get(runKey);
    if (!cache) {
      cache = new Map();
      this.deviceKeys.set(runKey, cache);
    }
    return cache;
  }

  /** A device another process (or an earlier open) added; `not_found` when nobody did. */
  private lookupDevice(runId: string, runKey: number, deviceId: string, index: number): number {
    const row = this.s.deviceKey.get(runKey, deviceId);
    if (!row)
      throw new FootprintError(
        'not_found',
        `run ${runId}: samples[${index}] is for device ${deviceId}, which was never added to the run (addDevices first); nothing of this batch was stored`,
      );
    this.deviceCache(runKey).set(deviceId, row.key);
    return row.key;
  }

  private summarize(rows: unknown[]): RunSummary[] {
    const withTotals = rows.map((row) => {
      const r = row as { key: number };
      return { ...r, ...this.s.totals.get(r.key) };
    });
    return toRuns(this.path, withTotals);
  }

  /** Runs `fn`, turning driver errors into `FootprintError`s that name the file and the fix. */
  private guard<T>(op: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (isFootprintError(e)) throw e;
      const code = sqliteCode(e);
      if (code === 'SQLITE_BUSY')
        throw new FootprintError(
          'io_error',
          `${op}: the ledger ${this.path} stayed locked by another process for longer than the busy timeout; retry`,
          { cause: e },
        );
      if (!this.db.open)
        throw new FootprintError('internal', `${op}: the ledger ${this.path} was already closed`, {
          cause: e,
        });
      throw new FootprintError('io_error', `${op}: ledger ${this.path}: ${messageOf(e)} (${code})`, {
        cause: e,
      });
    }
  }
}

/**
 * Opens (creating it and its directory when missing) the ledger file at `path` and brings its
 * schema up to date. Errors are `io_error`s that name the path and the way out.
 */
export function openSqliteLedger(path: string, options: SqliteLedgerOptions = {}): SqliteLedger {
  const file = resolve(path);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw new FootprintError(
      'io_error',
      `cannot create the ledger directory ${dirname(file)} (${messageOf(e)}); pass --ledger PATH or set FOOTPRINT_HOME to a writable place`,
      { cause: e },
    );
  }
  let db: Database.Database | undefined;
  try {
    const busyMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    db = new Database(file, { timeout: busyMs });
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyMs))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    return new SqliteLedgerImpl(file, db);
  } catch (e) {
    db?.close();
    throw openError(file, e);
  }
}
