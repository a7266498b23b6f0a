/**
 * The SQLite ledger: the shared contract on a temp file, then what only a file can show — reopening
 * keeps data and does not migrate twice, ten processes writing one file lose nothing, a writer
 * killed with SIGKILL loses no batch it reported committed, and bad paths fail with a clear io_error.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { FootprintError } from '../core/errors.js';
import { ledgerContract, newRun } from './ledger-contract.test-util.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { openSqliteLedger } from './sqlite-ledger.js';

const WRITER = fileURLToPath(new URL('../../../test/fixtures/ledger-writer.mjs', import.meta.url));
const TMP = mkdtempSync(join(tmpdir(), 'footprint-ledger-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

let counter = 0;
/** A path for a ledger that does not exist yet, inside a directory that does not exist yet either. */
const freshPath = (): string => join(TMP, `case-${++counter}`, 'ledger.db');

ledgerContract('sqlite', async () => openSqliteLedger(freshPath()));

interface Child {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the writer fixture; `onLine` sees each stdout line as it arrives (and may kill the child). */
function writer(args: readonly string[], onLine?: (line: string, kill: () => void) => void): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine?.(line, () => child.kill('SIGKILL'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const schemaRows = (path: string): { version: number }[] => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
  } finally {
    db.close();
  }
};

test('reopening a ledger keeps its data and does not migrate again', async () => {
  const path = freshPath();
  const first = openSqliteLedger(path);
  assert.deepEqual(
    first.migrationsApplied,
    MIGRATIONS.map((m) => m.version),
  );
  await first.createRun(newRun('r_keep', { project: 'kept' }));
  await first.addDevices('r_keep', [
    { id: 'model:cpu', kind: 'cpu', name: 'cpu', method: 'model', provenance: 'modelled', source: 'TDP' },
  ]);
  await first.appendSamples('r_keep', [
    { deviceId: 'model:cpu', startMs: 0, endMs: 1000, energyJ: 42, attributedJ: 21 },
  ]);
  await first.close();

  const second = openSqliteLedger(path);
  try {
    assert.deepEqual(second.migrationsApplied, []);
    const run = await second.getRun('r_keep');
    assert.equal(run?.project, 'kept');
    assert.equal(run?.energyJ, 42);
  } finally {
    await second.close();
  }
  assert.deepEqual(
    schemaRows(path).map((r) => r.version),
    MIGRATIONS.map((m) => m.version),
  );
});

test('the file is in WAL mode and its foreign keys are enforced', async () => {
  const path = freshPath();
  await openSqliteLedger(path).close();
  const db = new Database(path);
  try {
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    // The schema itself ties samples to runs: a connection with foreign keys on cannot orphan one.
    db.pragma('foreign_keys = ON');
    assert.throws(
      () => db.prepare('INSERT INTO samples VALUES (999, 999, 0, 1, 1, 1)').run(),
      /FOREIGN KEY constraint failed/,
    );
  } finally {
    db.close();
  }
});

test('ten processes appending to one new file lose nothing', async () => {
  const path = freshPath();
  const processes = 10;
  const batches = 200;
  const size = 50;
  const children = await Promise.all(
    Array.from({ length: processes }, (_, i) =>
      writer([path, `r_child_${i}`, String(batches), String(size)]),
    ),
  );
  for (const [i, c] of children.entries()) assert.equal(c.code, 0, `writer ${i} failed: ${c.stderr}`);

  const migrated = children.filter((c) => /^migrations \d/m.test(c.stdout)).length;
  assert.equal(migrated, 1, 'exactly one process applies the migrations');
  assert.deepEqual(
    schemaRows(path).map((r) => r.version),
    MIGRATIONS.map((m) => m.version),
  );

  const ledger = openSqliteLedger(path);
  try {
    const runs = await ledger.listRuns();
    assert.equal(runs.length, processes);
    for (const run of runs) {
      assert.equal(run.status, 'completed', run.id);
      assert.equal(run.sampleCount, batches * size, run.id);
      assert.equal(run.energyJ, batches * size, run.id);
      const markers = await ledger.markers(run.id);
      assert.deepEqual(
        markers.map((m) => m.attrs.batch),
        Array.from({ length: batches }, (_, b) => String(b)),
        run.id,
      );
      const starts = (await ledger.samples(run.id)).map((s) => s.startMs);
      assert.equal(new Set(starts).size, batches * size, `${run.id}: no duplicates`);
    }
  } finally {
    await ledger.close();
  }
});

test('a writer killed with SIGKILL mid-batch loses no batch it reported committed, and stores no half batch', async () => {
  const path = freshPath();
  const size = 20_000;
  const killAt = 5;
  let reported = -1;
  const child = await writer([path, 'r_crash', '0', String(size)], (line, kill) => {
    const committed = /^committed (\d+)$/.exec(line);
    if (committed) reported = Number(committed[1]);
    if (line === `begin ${killAt}`) kill(); // it is writing batch `killAt` now
  });
  assert.equal(child.signal, 'SIGKILL', `the writer should have been killed: ${child.stderr}`);
  assert.ok(reported + 1 >= killAt, `only ${reported + 1} batches were reported`);

  const db = new Database(path);
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  db.close();

  const ledger = openSqliteLedger(path);
  try {
    const run = await ledger.getRun('r_crash');
    assert.equal(run?.status, 'running');
    const count = run?.sampleCount ?? 0;
    assert.equal(count % size, 0, `a half batch was stored: ${count} samples`);
    assert.ok(count >= (reported + 1) * size, `${count} samples stored, ${(reported + 1) * size} reported`);
    const starts = (await ledger.samples('r_crash')).map((s) => s.startMs);
    const T0 = 1_700_000_000_000;
    assert.deepEqual(
      starts,
      Array.from({ length: count }, (_, n) => T0 + n * 10),
      'the stored batches are exactly the first ones, in order',
    );
    const reaped = await ledger.reapInterrupted(() => false, 'test-host', T0 + 3_600_000, 60_000);
    assert.deepEqual(reaped, ['r_crash']);
    assert.equal((await ledger.getRun('r_crash'))?.sampleCount, count, 'reaping keeps the data');
  } finally {
    await ledger.close();
  }
});

const rejectsOpen = (path: string, code: FootprintError['code'], pattern: RegExp) =>
  assert.throws(
    () => openSqliteLedger(path),
    (e: unknown) => {
      assert.ok(e instanceof FootprintError, String(e));
      assert.equal(e.code, code, e.message);
      assert.match(e.message, pattern);
      return true;
    },
  );

test('a ledger path under a regular file is an io_error that names the path', () => {
  const blocker = join(TMP, 'a-file');
  writeFileSync(blocker, 'not a directory');
  const path = join(blocker, 'sub', 'ledger.db');
  rejectsOpen(path, 'io_error', /a-file.*--ledger PATH/);
});

test('a file that is not a database is an io_error that says so', () => {
  const path = join(TMP, 'notes.db');
  writeFileSync(path, 'these are my notes, not a database\n'.repeat(200));
  rejectsOpen(path, 'io_error', /notes\.db is not a Footprint ledger/);
});

test('a ledger from a newer Footprint is refused, not guessed at', async () => {
  const path = freshPath();
  await openSqliteLedger(path).close();
  const db = new Database(path);
  db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)').run(LATEST_VERSION + 1, 'from the future', 0);
  db.close();
  rejectsOpen(path, 'unavailable', new RegExp(`version ${LATEST_VERSION + 1}.*upgrade Footprint`));
});

test('a closed ledger says so instead of failing obscurely', async () => {
  const ledger = openSqliteLedger(freshPath());
  await ledger.close();
  await ledger.close();
  await assert.rejects(
    ledger.listRuns(),
    (e: unknown) => e instanceof FootprintError && /closed/.test(e.message),
  );
});
