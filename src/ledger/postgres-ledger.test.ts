/**
 * The PostgreSQL ledger: the shared contract, each test in a fresh schema of the test server, then
 * what only a shared server can show — ten processes writing one schema lose nothing, processes
 * opening a brand-new schema at once migrate it exactly once, a client killed mid-batch leaves no
 * half batch, and a server that cannot be reached fails fast with a clear `unavailable`.
 *
 * Needs the server at $FOOTPRINT_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test,
 * which `.ci/run` starts). When it cannot be reached these tests fail, saying so: they are never
 * skipped quietly. Every schema this file creates is dropped at the end.
 */

import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { FootprintError } from '../core/errors.js';
import { CPU, GPU, interleavedSamples, ledgerContract, newRun } from './ledger-contract.test-util.js';
import { redactUrl } from './location.js';
import { openLedgerAt } from './open.js';
import { openPostgresLedger } from './postgres-ledger.js';
import { PG_LATEST_VERSION, PG_MIGRATIONS } from './postgres-migrations.js';
import { writer } from './writer-process.test-util.js';

const SERVER = process.env.FOOTPRINT_TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/test';
const PREFIX = `fp_test_${process.pid}_${Date.now().toString(36)}`;

const admin = new pg.Pool({ connectionString: SERVER, max: 2, connectionTimeoutMillis: 5_000 });
admin.on('error', () => undefined);
const schemas: string[] = [];

before(async () => {
  try {
    await admin.query('SELECT 1');
  } catch (e) {
    throw new Error(
      `the PostgreSQL test server at ${redactUrl(SERVER)} cannot be reached (${e instanceof Error ? e.message : String(e)}); ` +
        'start it (.ci/run shows how) or point FOOTPRINT_TEST_POSTGRES_URL at one. These tests are not skipped without it.',
    );
  }
});

after(async () => {
  for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
  await admin.end();
});

/** The test server's URL with `search_path` set to `schema`. */
const urlFor = (schema: string): string =>
  `${SERVER}${SERVER.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

/** A new, empty schema (dropped when the file ends); its ledger URL. */
async function freshSchema(): Promise<{ schema: string; url: string }> {
  const schema = `${PREFIX}_${schemas.length + 1}`;
  schemas.push(schema);
  await admin.query(`CREATE SCHEMA ${schema}`);
  return { schema, url: urlFor(schema) };
}

ledgerContract('postgres', async () => openPostgresLedger((await freshSchema()).url));

const versions = async (schema: string): Promise<number[]> =>
  (
    await admin.query<{ version: number }>(`SELECT version FROM ${schema}.schema_version ORDER BY version`)
  ).rows.map((r) => r.version);

const ALL_VERSIONS = PG_MIGRATIONS.map((m) => m.version);

test('reopening a schema keeps its data and does not migrate again', async () => {
  const { schema, url } = await freshSchema();
  const first = await openPostgresLedger(url);
  assert.deepEqual(first.migrationsApplied, ALL_VERSIONS);
  await first.createRun(newRun('r_keep', { project: 'kept' }));
  await first.addDevices('r_keep', [
    { id: 'model:cpu', kind: 'cpu', name: 'cpu', method: 'model', provenance: 'modelled', source: 'TDP' },
  ]);
  await first.appendSamples('r_keep', [
    { deviceId: 'model:cpu', startMs: 0, endMs: 1000, energyJ: 42, attributedJ: 21 },
  ]);
  await first.close();

  const second = await openLedgerAt({ kind: 'postgres', url });
  try {
    assert.deepEqual((second as { migrationsApplied?: number[] }).migrationsApplied, []);
    const run = await second.getRun('r_keep');
    assert.equal(run?.project, 'kept');
    assert.equal(run?.energyJ, 42);
  } finally {
    await second.close();
  }
  assert.deepEqual(await versions(schema), ALL_VERSIONS);
});

test('processes opening a brand-new schema at once apply its migrations exactly once', async () => {
  const { schema, url } = await freshSchema();
  const children = await Promise.all(
    Array.from({ length: 4 }, (_, i) => writer([url, `r_open_${i}`, '1', '1'])),
  );
  for (const [i, c] of children.entries()) assert.equal(c.code, 0, `process ${i} failed: ${c.stderr}`);
  const migrated = children.map((c) => /^migrations (.*)$/m.exec(c.stdout)?.[1]);
  assert.deepEqual(
    migrated.filter((m) => m !== '').sort(),
    [ALL_VERSIONS.join(',')],
    `exactly one process applies the migrations: ${JSON.stringify(migrated)}`,
  );
  assert.deepEqual(await versions(schema), ALL_VERSIONS);
});

test('ten processes appending to one new schema lose nothing', async () => {
  const { url } = await freshSchema();
  const processes = 10;
  const batches = 100;
  const size = 50;
  const children = await Promise.all(
    Array.from({ length: processes }, (_, i) => writer([url, `r_child_${i}`, String(batches), String(size)])),
  );
  for (const [i, c] of children.entries()) assert.equal(c.code, 0, `writer ${i} failed: ${c.stderr}`);
  assert.equal(children.filter((c) => /^migrations \d/m.test(c.stdout)).length, 1);

  const ledger = await openPostgresLedger(url);
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
    const totals = await ledger.runTotals();
    assert.deepEqual(
      totals.map((t) => t.run),
      runs,
    );
  } finally {
    await ledger.close();
  }
});

test('writers appending to one shared run at once add up its device totals exactly', async () => {
  const { url } = await freshSchema();
  const writers = 4;
  const batches = 60;
  const size = 40;
  const children = await Promise.all(
    Array.from({ length: writers }, () => writer([url, 'r_shared', String(batches), String(size), 'shared'])),
  );
  for (const [i, c] of children.entries()) assert.equal(c.code, 0, `writer ${i} failed: ${c.stderr}`);

  const ledger = await openPostgresLedger(url);
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
  const { url } = await freshSchema();
  const size = 20_000;
  const killAt = 3;
  let reported = -1;
  const child = await writer([url, 'r_crash', '0', String(size)], (line, kill) => {
    const committed = /^committed (\d+)$/.exec(line);
    if (committed) reported = Number(committed[1]);
    if (line === `begin ${killAt}`) kill();
  });
  assert.equal(child.signal, 'SIGKILL', `the writer should have been killed: ${child.stderr}`);
  assert.ok(reported + 1 >= killAt, `only ${reported + 1} batches were reported`);

  const ledger = await openPostgresLedger(url);
  try {
    const run = await ledger.getRun('r_crash');
    assert.equal(run?.status, 'running');
    const count = run?.sampleCount ?? 0;
    assert.equal(count % size, 0, `a half batch was stored: ${count} samples`);
    assert.ok(count >= (reported + 1) * size, `${count} samples stored, ${(reported + 1) * size} reported`);
    const T0 = 1_700_000_000_000;
    const reaped = await ledger.reapInterrupted(() => true, 'another-host', T0 + 3_600_000, 60_000);
    assert.deepEqual(reaped, ['r_crash'], 'a silent run of another host is reaped by staleness');
    assert.equal((await ledger.getRun('r_crash'))?.sampleCount, count, 'reaping keeps the data');
  } finally {
    await ledger.close();
  }
});

test('a batch that fails in the server leaves samples and totals as they were', async () => {
  const { schema, url } = await freshSchema();
  const ledger = await openPostgresLedger(url);
  try {
    await ledger.createRun(newRun('r_trig'));
    await ledger.addDevices('r_trig', [CPU, GPU]);
    await ledger.appendSamples('r_trig', interleavedSamples([CPU, GPU], 40, 0));
    const before = [await ledger.getRun('r_trig'), await ledger.energyByDevice('r_trig')];
    // The batch's statement inserts samples, upserts totals and updates the run: refuse the last.
    await admin.query(`CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql
      AS $$ BEGIN RAISE EXCEPTION 'refused by a test trigger'; END $$`);
    await admin.query(
      `CREATE TRIGGER refuse_touch BEFORE UPDATE ON ${schema}.runs FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse()`,
    );
    await assert.rejects(
      ledger.appendSamples('r_trig', interleavedSamples([CPU, GPU], 30, 10_000)),
      (e: unknown) => e instanceof FootprintError && /refused by a test trigger/.test(e.message),
    );
    assert.deepEqual([await ledger.getRun('r_trig'), await ledger.energyByDevice('r_trig')], before);
    assert.equal((await ledger.samples('r_trig')).length, 40);

    await admin.query(`DROP TRIGGER refuse_touch ON ${schema}.runs`);
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

test('migrating a version-2 schema fills device totals from the samples it already has', async () => {
  const { schema, url } = await freshSchema();
  const first = await openPostgresLedger(url);
  await first.createRun(newRun('r_old', { startMs: 1 }));
  await first.createRun(newRun('r_empty', { startMs: 2 }));
  await first.addDevices('r_old', [CPU, GPU, { ...GPU, id: 'nvml:GPU-idle' }]);
  await first.addDevices('r_empty', [CPU]);
  for (let b = 0; b < 5; b++)
    await first.appendSamples('r_old', interleavedSamples([CPU, GPU], 21, b * 10_000));
  const expected = await first.runTotals();
  await first.close();
  // A version-2 schema is this one without device_totals: the other tables are unchanged since.
  await admin.query(
    `DROP TABLE ${schema}.device_totals; DELETE FROM ${schema}.schema_version WHERE version >= 3`,
  );

  const second = await openPostgresLedger(url);
  try {
    assert.deepEqual(
      second.migrationsApplied,
      ALL_VERSIONS.filter((v) => v >= 3),
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

const rejectsUnavailable = async (p: Promise<unknown>, pattern: RegExp): Promise<FootprintError> => {
  let caught: unknown;
  await assert.rejects(p, (e: unknown) => {
    caught = e;
    return true;
  });
  assert.ok(caught instanceof FootprintError, `expected a FootprintError, got ${String(caught)}`);
  assert.equal(caught.code, 'unavailable', caught.message);
  assert.match(caught.message, pattern);
  return caught;
};

test('an unreachable server is a clear unavailable error that hides the password', {
  timeout: 60_000,
}, async () => {
  await rejectsUnavailable(
    openPostgresLedger('postgres://127.0.0.1:1/nope'),
    /^cannot reach the PostgreSQL ledger at postgres:\/\/127\.0\.0\.1:1\/nope: ECONNREFUSED; check the URL, or use a SQLite file with --ledger PATH$/,
  );
  const secret = await rejectsUnavailable(
    openLedgerAt({ kind: 'postgres', url: 'postgres://ada:s3cret-pw@127.0.0.1:1/nope' }),
    /at postgres:\/\/ada@127\.0\.0\.1:1\/nope: ECONNREFUSED/,
  );
  assert.doesNotMatch(secret.message, /s3cret/);
  await rejectsUnavailable(openPostgresLedger('postgres://[::1/nope'), /not a valid URL/);
  const noDb = new URL(SERVER);
  noDb.pathname = '/footprint_no_such_database';
  await rejectsUnavailable(openPostgresLedger(noDb.toString()), /footprint_no_such_database.*does not exist/);
});

test('a server that accepts but never answers is given up on after the connect timeout', {
  timeout: 60_000,
}, async () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => {
    sockets.push(socket); // holds the connection open and says nothing
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as { port: number };
  try {
    await rejectsUnavailable(
      openPostgresLedger(`postgres://127.0.0.1:${port}/silent`, { connectTimeoutMs: 300 }),
      new RegExp(`at postgres://127\\.0\\.0\\.1:${port}/silent: no answer within 0\\.3 s`),
    );
  } finally {
    for (const socket of sockets) socket.destroy();
    silent.close();
  }
});

test('a schema from a newer Footprint is refused, not guessed at', async () => {
  const { schema, url } = await freshSchema();
  await (await openPostgresLedger(url)).close();
  await admin.query(`INSERT INTO ${schema}.schema_version VALUES ($1, 'from the future', 0)`, [
    PG_LATEST_VERSION + 1,
  ]);
  await rejectsUnavailable(
    openPostgresLedger(url),
    new RegExp(`schema version ${PG_LATEST_VERSION + 1}.*upgrade Footprint`),
  );
});

test('a closed ledger says so instead of failing obscurely', async () => {
  const ledger = await openPostgresLedger((await freshSchema()).url);
  await ledger.close();
  await ledger.close();
  await assert.rejects(
    ledger.listRuns(),
    (e: unknown) => e instanceof FootprintError && e.code === 'internal' && /closed/.test(e.message),
  );
});
