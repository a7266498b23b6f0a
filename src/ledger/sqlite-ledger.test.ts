/**
 * The SQLite ledger: the shared contract on a temp file, then what only a file can show — reopening
 * keeps data and does not migrate twice, ten processes writing one file lose nothing, a writer
 * killed with SIGKILL loses no batch it reported committed, and bad paths fail with a clear io_error.
 */

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { FootprintError } from '../core/errors.js';
import { CPU, GPU, interleavedSamples, ledgerContract, newRun } from './ledger-contract.test-util.js';
import { LATEST_VERSION, MIGRATIONS } from './migrations.js';
import { openSqliteLedger } from './sqlite-ledger.js';
import { writer } from './writer-process.test-util.js';

const TMP = mkdtempSync(join(tmpdir(), 'footprint-ledger-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

let counter = 0;
/** A path for a ledger that does not exist yet, inside a directory that does not exist yet either. */
const freshPath = (): string => join(TMP, `case-${++counter}`, 'ledger.db');

ledgerContract('sqlite', async () => openSqliteLedger(freshPath()));

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

test('writers appending to one shared run at once add up its device totals exactly', async () => {
  const path = freshPath();
  const writers = 4;
  const batches = 60;
  const size = 40;
  const children = await Promise.all(
    Array.from({ length: writers }, () =>
      writer([path, 'r_shared', String(batches), String(size), 'shared']),
    ),
  );
  for (const [i, c] of children.entries()) assert.equal(c.code, 0, `writer ${i} failed: ${c.stderr}`);

  const ledger = openSqliteLedger(path);
  try {
    const n = writers * batches * size;
    const run = await ledger.getRun('r_shared');
    assert.deepEqual([run?.sampleCount, run?.energyJ, run?.attributedJ], [n, n, n / 2]);
    assert.equal((await ledger.samples('r_shared')).length, n);
    assert.deepEqual(
      (await ledger.energyByDevice('r_shared')).map((d) => [d.deviceId, d.sampleCount, d.energyJ, d.firstMs]),
      [
        ['rapl:package-0', n / 2, n / 2, 1_700_000_000_000],
        ['nvml:GPU-0', n / 2, n / 2, 1_700_000_000_010],
      ],
    );
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

/** A statement on the file through a connection of its own (as another program would). */
const onFile = (path: string, sql: string): void => {
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
};

test('a batch that fails after its totals were added leaves samples and totals as they were', async () => {
  const path = freshPath();
  const ledger = openSqliteLedger(path);
  try {
    await ledger.createRun(newRun('r_trig'));
    await ledger.addDevices('r_trig', [CPU, GPU]);
    await ledger.appendSamples('r_trig', interleavedSamples([CPU, GPU], 40, 0));
    const before = [await ledger.getRun('r_trig'), await ledger.energyByDevice('r_trig')];
    // The run's sign of life is the batch's last statement, after the samples and the totals.
    onFile(
      path,
      "CREATE TRIGGER refuse_touch BEFORE UPDATE ON runs BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END",
    );
    await assert.rejects(
      ledger.appendSamples('r_trig', interleavedSamples([CPU, GPU], 30, 10_000)),
      (e: unknown) => e instanceof FootprintError && /refused by a test trigger/.test(e.message),
    );
    assert.deepEqual([await ledger.getRun('r_trig'), await ledger.energyByDevice('r_trig')], before);
    assert.equal((await ledger.samples('r_trig')).length, 40);

    onFile(path, 'DROP TRIGGER refuse_touch');
    await ledger.appendSamples('r_trig', interleavedSamples([CPU, GPU], 30, 10_000));
    assert.deepEqual(
      (await ledger.energyByDevice('r_trig')).map((d) => [d.deviceId, d.sampleCount, d.firstMs, d.lastMs]),
      [
        [CPU.id, 35, 0, 10_000 + 2900],
        [GPU.id, 35, 100, 10_000 + 3000],
      ],
    );
  } finally {
    await ledger.close();
  }
});

test('migrating a version-2 file fills device totals from the samples it already has', async () => {
  const path = freshPath();
  const first = openSqliteLedger(path);
  await first.createRun(newRun('r_old', { startMs: 1 }));
  await first.createRun(newRun('r_empty', { startMs: 2 }));
  await first.addDevices('r_old', [CPU, GPU, { ...GPU, id: 'nvml:GPU-idle' }]);
  await first.addDevices('r_empty', [CPU]);
  for (let b = 0; b < 5; b++)
    await first.appendSamples('r_old', interleavedSamples([CPU, GPU], 21, b * 10_000));
  const expected = await first.runTotals();
  await first.close();
  // A version-2 file is this one without device_totals: the other tables are unchanged since.
  onFile(path, 'DROP TABLE device_totals; DELETE FROM schema_version WHERE version >= 3');

  const second = openSqliteLedger(path);
  try {
    assert.deepEqual(
      second.migrationsApplied,
      MIGRATIONS.filter((m) => m.version >= 3).map((m) => m.version),
    );
    assert.deepEqual(await second.runTotals(), expected);
    const [cpu, gpu, idle] = await second.energyByDevice('r_old');
    assert.deepEqual(
      [cpu?.sampleCount, gpu?.sampleCount, idle?.sampleCount, cpu?.firstMs, gpu?.lastMs],
      [55, 50, 0, 0, 40_000 + 2000],
    );
    await second.appendSamples('r_old', interleavedSamples([GPU], 1, 50_000));
    assert.equal((await second.getRun('r_old'))?.sampleCount, 106);
  } finally {
    await second.close();
  }
});

test('a damaged run or device row is an io_error that names the field', async () => {
  const path = freshPath();
  const ledger = openSqliteLedger(path);
  try {
    await ledger.createRun(newRun('r_dmg'));
    await ledger.addDevices('r_dmg', [CPU]);
    const damaged: [string, RegExp][] = [
      ["UPDATE runs SET tags = 'not json'", /a run row is malformed \(tags is not valid JSON\)/],
      [
        `UPDATE runs SET tags = '{}', command = '{"a":1}'`,
        /run row is malformed \(command is not a JSON array\)/,
      ],
      [`UPDATE runs SET command = '["x",1]'`, /run row is malformed \(command\.1 is not a string\)/],
      [
        `UPDATE runs SET command = '[]', site = '{"pue":"high"}'`,
        /run row is malformed \(site\.pue is not a number\)/,
      ],
      [
        "UPDATE runs SET site = NULL; UPDATE devices SET kind = 'toaster'",
        /device row is malformed \(kind is not one of/,
      ],
    ];
    for (const [sql, pattern] of damaged) {
      onFile(path, sql);
      const reads = sql.includes('devices')
        ? [ledger.devices('r_dmg'), ledger.runTotals()]
        : [ledger.getRun('r_dmg'), ledger.listRuns(), ledger.runTotals()];
      for (const read of reads)
        await assert.rejects(read, (e: unknown) => {
          assert.ok(e instanceof FootprintError, String(e));
          assert.equal(e.code, 'io_error');
          assert.match(e.message, pattern);
          assert.match(e.message, /changed outside Footprint or is damaged/);
          return true;
        });
    }
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
