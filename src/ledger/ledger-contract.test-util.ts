/**
 * The behaviour every ledger backend owes its callers (DESIGN.md §5.2: one interface, two backends,
 * one contract suite). A backend's test file calls `ledgerContract('sqlite', open)`; each test gets
 * a fresh, empty ledger from `open` and closes it. Not a `.test.ts` file: it registers tests only
 * when a backend asks.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entry } from '../core/entry.js';
import { FootprintError } from '../core/errors.js';
import type { DeviceInfo, EnergySample, Marker } from '../core/measurement.js';
import type { Ledger, NewRun } from './ledger.js';

const HOST = 'host-a';
const T0 = 1_700_000_000_000;

export const newRun = (id: string, over: Partial<NewRun> = {}): NewRun => ({
  id,
  command: ['python', 'train.py', '--epochs', '3'],
  cwd: '/home/ada/llm',
  host: HOST,
  wrapperPid: 4242,
  startMs: T0,
  phase: 'training',
  intervalS: 1,
  ...over,
});

export const GPU: DeviceInfo = {
  id: 'nvml:GPU-0',
  kind: 'gpu',
  name: 'NVIDIA H100 80GB HBM3',
  model: 'NVIDIA H100 80GB HBM3',
  method: 'counter',
  provenance: 'measured',
  source: 'NVML total energy counter',
};
export const CPU: DeviceInfo = {
  id: 'rapl:package-0',
  kind: 'cpu',
  name: 'package-0',
  method: 'counter',
  provenance: 'measured',
  source: 'RAPL powercap energy_uj',
};
const MODEL_CPU: DeviceInfo = {
  id: 'model:cpu',
  kind: 'cpu',
  name: 'cpu',
  method: 'model',
  provenance: 'modelled',
  source: 'TDP × load curve',
};

/** `n` one-second samples per device from `fromMs`, energies exactly representable so sums are exact. */
function samplesFor(devices: readonly DeviceInfo[], n: number, fromMs = T0): EnergySample[] {
  const out: EnergySample[] = [];
  for (let i = 0; i < n; i++)
    for (const [j, d] of devices.entries())
      out.push({
        deviceId: d.id,
        startMs: fromMs + i * 1000,
        endMs: fromMs + (i + 1) * 1000,
        energyJ: 100 + i * 0.5 + j * 25,
        attributedJ: 50 + i * 0.25,
      });
  return out;
}

/** `n` 100 ms samples alternating between `devices`, from `fromMs`; energies exact in binary. */
export const interleavedSamples = (
  devices: readonly DeviceInfo[],
  n: number,
  fromMs: number,
): EnergySample[] =>
  Array.from({ length: n }, (_, i) => ({
    deviceId: (devices[i % devices.length] as DeviceInfo).id,
    startMs: fromMs + i * 100,
    endMs: fromMs + (i + 1) * 100,
    energyJ: 10 + (i % 5) * 0.25,
    attributedJ: 5 + (i % 3) * 0.5,
  }));

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

const DAY = 86_400_000;

export const newEntry = (id: string, over: Partial<Entry> = {}): Entry => ({
  id,
  project: 'llm',
  phase: 'inference',
  label: `entry ${id}`,
  atMs: T0,
  source: 'declared',
  spec: { phase: 'inference', duration_h: 720, hardware: [{ type: 'gpu', model: 'NVIDIA L4', count: 8 }] },
  attrs: {},
  ...over,
});

async function rejectsWith(
  p: Promise<unknown>,
  code: FootprintError['code'],
  pattern?: RegExp,
): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof FootprintError, `expected a FootprintError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (pattern) assert.match(e.message, pattern);
    return true;
  });
}

export function ledgerContract(name: string, open: () => Promise<Ledger>): void {
  const withLedger = (title: string, body: (ledger: Ledger) => Promise<void>) =>
    test(`${name} ledger: ${title}`, async () => {
      const ledger = await open();
      try {
        await body(ledger);
      } finally {
        await ledger.close();
      }
    });

  withLedger('a run round-trips with its devices, samples and markers', async (ledger) => {
    const run = newRun('r_0001', {
      project: 'llm',
      model: 'tiny-gpt',
      tags: { lr: '3e-4', team: 'nlp' },
      intervalS: 0.5,
      site: { zone: 'FR', pue: 1.1, cfe: 0.4 },
    });
    await ledger.createRun(run);
    await ledger.addDevices(run.id, [GPU, CPU]);
    const samples = samplesFor([GPU, CPU], 5);
    await ledger.appendSamples(run.id, samples.slice(0, 4));
    await ledger.appendSamples(run.id, samples.slice(4));
    const markers: Marker[] = [
      { atMs: T0 + 10, label: 'phase', phase: 'data', attrs: {} },
      { atMs: T0 + 2000, label: 'epoch', attrs: { epoch: '1', loss: '2.31' } },
    ];
    for (const m of markers) await ledger.addMarker(run.id, m);

    const got = await ledger.getRun(run.id);
    assert.deepEqual(got, {
      id: 'r_0001',
      command: ['python', 'train.py', '--epochs', '3'],
      cwd: '/home/ada/llm',
      host: HOST,
      wrapperPid: 4242,
      startMs: T0,
      lastSeenMs: T0 + 5000,
      phase: 'training',
      project: 'llm',
      model: 'tiny-gpt',
      tags: { lr: '3e-4', team: 'nlp' },
      intervalS: 0.5,
      site: { zone: 'FR', pue: 1.1, cfe: 0.4 },
      status: 'running',
      energyJ: sum(samples.map((s) => s.energyJ)),
      attributedJ: sum(samples.map((s) => s.attributedJ)),
      sampleCount: 10,
    });
    assert.deepEqual(await ledger.devices(run.id), [GPU, CPU]);
    assert.deepEqual(await ledger.samples(run.id), samples);
    assert.deepEqual(await ledger.markers(run.id), markers);
  });

  withLedger('a minimal run gets the defaults and no optional fields', async (ledger) => {
    await ledger.createRun(newRun('r_min'));
    const got = await ledger.getRun('r_min');
    assert.ok(got);
    assert.equal(got.project, 'default');
    assert.deepEqual(got.tags, {});
    for (const absent of ['endMs', 'model', 'site', 'exitCode', 'signal'])
      assert.equal(absent in got, false, `${absent} should be absent`);
    assert.deepEqual(await ledger.samples('r_min'), []);
    assert.deepEqual(await ledger.markers('r_min'), []);
    assert.deepEqual(await ledger.devices('r_min'), []);
  });

  withLedger('a duplicate run id is refused', async (ledger) => {
    await ledger.createRun(newRun('r_dup'));
    await rejectsWith(ledger.createRun(newRun('r_dup', { startMs: T0 + 1 })), 'invalid_value', /r_dup/);
  });

  withLedger('invalid runs are refused before anything is written', async (ledger) => {
    await rejectsWith(ledger.createRun(newRun('')), 'invalid_value');
    await rejectsWith(ledger.createRun(newRun('r_x', { intervalS: 0 })), 'invalid_value', /intervalS/);
    await rejectsWith(ledger.createRun(newRun('r_x', { startMs: Number.NaN })), 'invalid_value', /startMs/);
    assert.deepEqual(await ledger.listRuns(), []);
  });

  withLedger('addDevices is idempotent per device id and keeps first-added order', async (ledger) => {
    await ledger.createRun(newRun('r_dev'));
    await ledger.addDevices('r_dev', [GPU]);
    await ledger.addDevices('r_dev', [CPU, GPU]);
    const renamed: DeviceInfo = { ...GPU, name: 'GPU 0' };
    await ledger.addDevices('r_dev', [renamed, MODEL_CPU]);
    assert.deepEqual(await ledger.devices('r_dev'), [renamed, CPU, MODEL_CPU]);
  });

  withLedger("getRun finds 'last', exact ids and unique prefixes", async (ledger) => {
    assert.equal(await ledger.getRun('last'), undefined);
    await ledger.createRun(newRun('r_a1', { startMs: T0 + 1000 }));
    await ledger.createRun(newRun('r_a2', { startMs: T0 + 3000 }));
    await ledger.createRun(newRun('r_b1', { startMs: T0 + 2000 }));
    await ledger.createRun(newRun('r_c1', { startMs: T0 }));
    await ledger.createRun(newRun('r_c10', { startMs: T0 }));
    assert.equal((await ledger.getRun('last'))?.id, 'r_a2');
    assert.equal((await ledger.getRun('r_b'))?.id, 'r_b1');
    assert.equal((await ledger.getRun('r_a1'))?.id, 'r_a1');
    assert.equal((await ledger.getRun('r_c1'))?.id, 'r_c1', 'an exact id wins over a longer id it prefixes');
    assert.equal((await ledger.getRun('r_c10'))?.id, 'r_c10');
    assert.equal(await ledger.getRun('r_z'), undefined);
    assert.equal(await ledger.getRun('q'), undefined);
  });

  withLedger('an ambiguous prefix is not_found and lists the candidates', async (ledger) => {
    await ledger.createRun(newRun('r_a1'));
    await ledger.createRun(newRun('r_a2'));
    await ledger.createRun(newRun('r_b1'));
    await rejectsWith(ledger.getRun('r_a'), 'not_found', /r_a1.*r_a2/);
    await assert.rejects(
      ledger.getRun('r_'),
      (e: unknown) => e instanceof FootprintError && /r_b1/.test(e.message),
    );
  });

  withLedger(
    'listRuns is newest first, filters, limits, and its totals are the sums of the samples',
    async (ledger) => {
      await ledger.createRun(newRun('r_1', { startMs: T0, project: 'p', model: 'm1' }));
      await ledger.createRun(newRun('r_2', { startMs: T0 + 10_000, project: 'p', model: 'm2' }));
      await ledger.createRun(newRun('r_3', { startMs: T0 + 20_000, project: 'q', model: 'm1' }));
      const irregular: EnergySample[] = [0.1, 0.2, 0.3, 1e-3, 12345.678].map((e, i) => ({
        deviceId: CPU.id,
        startMs: T0 + i,
        endMs: T0 + i + 1,
        energyJ: e,
        attributedJ: e / 3,
      }));
      const bySample: Record<string, EnergySample[]> = {
        r_1: samplesFor([GPU, CPU], 7),
        r_2: [],
        r_3: [...samplesFor([GPU, CPU], 3, T0 + 20_000), ...irregular],
      };
      for (const [id, samples] of Object.entries(bySample)) {
        await ledger.addDevices(id, [GPU, CPU]);
        await ledger.appendSamples(id, samples);
      }
      await ledger.finishRun('r_1', { endMs: T0 + 8000, status: 'completed', exitCode: 0 });

      const all = await ledger.listRuns();
      assert.deepEqual(
        all.map((r) => r.id),
        ['r_3', 'r_2', 'r_1'],
      );
      for (const r of all) {
        const samples = bySample[r.id] ?? [];
        assert.equal(r.sampleCount, samples.length, r.id);
        const e = sum(samples.map((s) => s.energyJ));
        const a = sum(samples.map((s) => s.attributedJ));
        assert.ok(Math.abs(r.energyJ - e) <= 1e-9 * Math.max(1, e), `${r.id}: energyJ ${r.energyJ} ≠ ${e}`);
        assert.ok(
          Math.abs(r.attributedJ - a) <= 1e-9 * Math.max(1, a),
          `${r.id}: attributedJ ${r.attributedJ} ≠ ${a}`,
        );
      }
      assert.equal(all.find((r) => r.id === 'r_1')?.energyJ, sum((bySample.r_1 ?? []).map((s) => s.energyJ)));

      const ids = async (q: Parameters<Ledger['listRuns']>[0]) => (await ledger.listRuns(q)).map((r) => r.id);
      assert.deepEqual(await ids({ project: 'p' }), ['r_2', 'r_1']);
      assert.deepEqual(await ids({ model: 'm1' }), ['r_3', 'r_1']);
      assert.deepEqual(await ids({ project: 'p', model: 'm1' }), ['r_1']);
      assert.deepEqual(await ids({ status: 'running' }), ['r_3', 'r_2']);
      assert.deepEqual(await ids({ status: 'completed' }), ['r_1']);
      assert.deepEqual(await ids({ limit: 2 }), ['r_3', 'r_2']);
      assert.deepEqual(await ids({ project: 'none' }), []);

      const perDevice = await ledger.energyByDevice('r_1');
      const r1 = bySample.r_1 ?? [];
      assert.deepEqual(
        perDevice,
        [GPU, CPU].map((d) => {
          const mine = r1.filter((s) => s.deviceId === d.id);
          return {
            deviceId: d.id,
            energyJ: sum(mine.map((s) => s.energyJ)),
            attributedJ: sum(mine.map((s) => s.attributedJ)),
            sampleCount: 7,
            firstMs: T0,
            lastMs: T0 + 7000,
          };
        }),
      );
      assert.deepEqual(
        (await ledger.energyByDevice('r_2')).map((d) => [
          d.deviceId,
          d.energyJ,
          d.sampleCount,
          'firstMs' in d,
        ]),
        [
          [GPU.id, 0, 0, false],
          [CPU.id, 0, 0, false],
        ],
      );
    },
  );

  withLedger('finishRun records the end, status, exit code and signal', async (ledger) => {
    await ledger.createRun(newRun('r_ok'));
    await ledger.createRun(newRun('r_killed'));
    await ledger.finishRun('r_ok', { endMs: T0 + 60_000, status: 'completed', exitCode: 0 });
    await ledger.finishRun('r_killed', {
      endMs: T0 + 5000,
      status: 'failed',
      exitCode: 143,
      signal: 'SIGTERM',
    });
    const ok = await ledger.getRun('r_ok');
    assert.deepEqual(
      [ok?.status, ok?.endMs, ok?.exitCode, ok && 'signal' in ok],
      ['completed', T0 + 60_000, 0, false],
    );
    const killed = await ledger.getRun('r_killed');
    assert.deepEqual(
      [killed?.status, killed?.endMs, killed?.exitCode, killed?.signal],
      ['failed', T0 + 5000, 143, 'SIGTERM'],
    );
    await rejectsWith(ledger.finishRun('r_nope', { endMs: T0, status: 'completed' }), 'not_found', /r_nope/);
  });

  withLedger(
    'reapInterrupted marks dead and stale wrappers interrupted and keeps their data',
    async (ledger) => {
      const now = T0 + 3_600_000;
      const staleMs = 60_000;
      const runs = {
        deadHere: newRun('r_dead_here', { wrapperPid: 101 }),
        aliveHere: newRun('r_alive_here', { wrapperPid: 102 }),
        hungHere: newRun('r_hung_here', { wrapperPid: 103 }),
        staleThere: newRun('r_stale_there', { host: 'host-b', wrapperPid: 101 }),
        // Same pid as the dead wrapper here: on another host a pid says nothing.
        freshThere: newRun('r_fresh_there', { host: 'host-b', wrapperPid: 101 }),
        doneHere: newRun('r_done_here', { wrapperPid: 105 }),
      };
      for (const r of Object.values(runs)) await ledger.createRun(r);
      await ledger.addDevices('r_dead_here', [CPU]);
      const deadSamples = samplesFor([CPU], 3, now - 5000); // the last one ends at now - 2000
      await ledger.appendSamples('r_dead_here', deadSamples);
      await ledger.addMarker('r_dead_here', { atMs: now - 4500, label: 'epoch', attrs: { epoch: '0' } });
      await ledger.heartbeat('r_dead_here', now - 2500); // fresh, but its wrapper is gone
      await ledger.heartbeat('r_alive_here', now - 1000);
      await ledger.heartbeat('r_hung_here', now - 10 * staleMs);
      await ledger.heartbeat('r_stale_there', now - 2 * staleMs);
      await ledger.heartbeat('r_fresh_there', now - 1000);
      await ledger.finishRun('r_done_here', { endMs: T0 + 100, status: 'completed', exitCode: 0 });

      const asked: [string, number][] = [];
      const alivePids = new Set([102, 103]);
      const isAlive = (host: string, pid: number) => {
        asked.push([host, pid]);
        return alivePids.has(pid);
      };
      const reaped = await ledger.reapInterrupted(isAlive, HOST, now, staleMs);
      assert.deepEqual([...reaped].sort(), ['r_dead_here', 'r_hung_here', 'r_stale_there']);
      assert.ok(
        asked.every(([h]) => h === HOST),
        `isAlive must only be asked about ${HOST}: ${JSON.stringify(asked)}`,
      );

      const status = async (id: string) => (await ledger.getRun(id))?.status;
      assert.equal(await status('r_alive_here'), 'running');
      assert.equal(await status('r_fresh_there'), 'running');
      assert.equal(await status('r_done_here'), 'completed');
      const dead = await ledger.getRun('r_dead_here');
      assert.equal(dead?.status, 'interrupted');
      assert.equal(dead?.endMs, now - 2000, 'endMs is the last sign of life: here the last sample end');
      assert.equal(
        (await ledger.getRun('r_stale_there'))?.endMs,
        now - 2 * staleMs,
        'endMs is the last heartbeat',
      );
      assert.equal(
        (await ledger.getRun('r_hung_here'))?.status,
        'interrupted',
        'alive pid, but silent for too long',
      );
      assert.deepEqual(await ledger.samples('r_dead_here'), deadSamples);
      assert.equal((await ledger.markers('r_dead_here')).length, 1);
      assert.deepEqual(await ledger.devices('r_dead_here'), [CPU]);
      assert.equal(dead?.sampleCount, 3);

      assert.deepEqual(
        await ledger.reapInterrupted(isAlive, HOST, now, staleMs),
        [],
        'reaping twice is a no-op',
      );
    },
  );

  withLedger('a heartbeat revives a run that was wrongly marked interrupted', async (ledger) => {
    await ledger.createRun(newRun('r_sleepy', { host: 'laptop' }));
    assert.deepEqual(await ledger.reapInterrupted(() => true, HOST, T0 + 600_000, 60_000), ['r_sleepy']);
    await ledger.heartbeat('r_sleepy', T0 + 601_000);
    const run = await ledger.getRun('r_sleepy');
    assert.equal(run?.status, 'running');
    assert.equal(run && 'endMs' in run, false);
    assert.equal(run?.lastSeenMs, T0 + 601_000);
  });

  withLedger('appendSamples stores a batch whole or not at all', async (ledger) => {
    await ledger.createRun(newRun('r_atomic'));
    await ledger.addDevices('r_atomic', [GPU, CPU]);
    const good = samplesFor([GPU, CPU], 4);
    await ledger.appendSamples('r_atomic', good);

    const unknownDevice = [...samplesFor([GPU], 5, T0 + 10_000)];
    unknownDevice.splice(3, 0, { ...good[0], deviceId: 'nvml:GPU-unknown' } as EnergySample);
    await rejectsWith(
      ledger.appendSamples('r_atomic', unknownDevice),
      'not_found',
      /nvml:GPU-unknown.*samples\[3\]|samples\[3\].*nvml:GPU-unknown/,
    );

    const badValue = samplesFor([GPU, CPU], 5, T0 + 20_000);
    badValue[7] = { ...(badValue[7] as EnergySample), energyJ: Number.NaN };
    await rejectsWith(ledger.appendSamples('r_atomic', badValue), 'invalid_value', /samples\[7\].*energyJ/);

    const backwards = samplesFor([CPU], 3, T0 + 30_000);
    backwards[2] = { ...(backwards[2] as EnergySample), endMs: T0 };
    await rejectsWith(ledger.appendSamples('r_atomic', backwards), 'invalid_value', /samples\[2\]/);

    await rejectsWith(ledger.appendSamples('r_unknown', good), 'not_found', /r_unknown/);
    assert.deepEqual(await ledger.samples('r_atomic'), good, 'only the good batch is stored');
    assert.equal((await ledger.getRun('r_atomic'))?.sampleCount, good.length);
    assert.equal(
      (await ledger.getRun('r_atomic'))?.lastSeenMs,
      T0 + 4000,
      'a failed batch is no sign of life',
    );

    await ledger.appendSamples('r_atomic', []);
    assert.equal((await ledger.samples('r_atomic')).length, good.length);
  });

  withLedger(
    'device totals stay the sums of the samples over many batches, devices and runs',
    async (ledger) => {
      const devices = [GPU, CPU, MODEL_CPU];
      const runs = ['r_many_a', 'r_many_b'];
      for (const id of runs) {
        await ledger.createRun(newRun(id));
        await ledger.addDevices(id, devices);
      }
      await ledger.addDevices('r_many_b', [{ ...MODEL_CPU, id: 'model:idle' }]); // never sampled
      // A deterministic mix: batches of 1–40 samples, each on one, two or three devices, times not in
      // order (a late batch may hold the earliest sample), energies multiples of 1/64 so that sums
      // are exact in any order.
      let seed = 7;
      const next = (n: number): number => {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        return seed % n;
      };
      for (let b = 0; b < 120; b++) {
        const id = runs[b % 2] as string;
        const batch: EnergySample[] = [];
        const size = 1 + next(40);
        const mix = devices.slice(next(3));
        for (let i = 0; i < size; i++) {
          const startMs = T0 + next(1_000_000);
          batch.push({
            deviceId: (mix[next(mix.length)] as DeviceInfo).id,
            startMs,
            endMs: startMs + next(5000),
            energyJ: next(64_000) / 64,
            attributedJ: next(32_000) / 64,
          });
        }
        await ledger.appendSamples(id, batch);
      }

      const totals = new Map((await ledger.runTotals()).map((t) => [t.run.id, t]));
      for (const id of runs) {
        const samples = await ledger.samples(id);
        const expected = (await ledger.devices(id)).map((d) => {
          const mine = samples.filter((s) => s.deviceId === d.id);
          if (mine.length === 0) return { deviceId: d.id, energyJ: 0, attributedJ: 0, sampleCount: 0 };
          return {
            deviceId: d.id,
            energyJ: sum(mine.map((s) => s.energyJ)),
            attributedJ: sum(mine.map((s) => s.attributedJ)),
            sampleCount: mine.length,
            firstMs: Math.min(...mine.map((s) => s.startMs)),
            lastMs: Math.max(...mine.map((s) => s.endMs)),
          };
        });
        assert.equal(expected.filter((d) => d.sampleCount > 0).length, 3, `${id}: every device was sampled`);
        assert.deepEqual(await ledger.energyByDevice(id), expected, id);
        assert.deepEqual(totals.get(id)?.energy, expected, id);
        const run = await ledger.getRun(id);
        assert.deepEqual(
          [run?.energyJ, run?.attributedJ, run?.sampleCount],
          [sum(samples.map((s) => s.energyJ)), sum(samples.map((s) => s.attributedJ)), samples.length],
          id,
        );
        assert.deepEqual(totals.get(id)?.run, run, id);
      }
    },
  );

  withLedger('a batch that is refused leaves every total as it was', async (ledger) => {
    await ledger.createRun(newRun('r_keep'));
    await ledger.addDevices('r_keep', [GPU, CPU]);
    await ledger.appendSamples('r_keep', samplesFor([GPU, CPU], 10));
    const snapshot = async () => ({
      run: await ledger.getRun('r_keep'),
      energy: await ledger.energyByDevice('r_keep'),
      totals: await ledger.runTotals(),
    });
    const before = await snapshot();

    // Each fails on its last sample, after every earlier one (on both devices) was accepted.
    const later = samplesFor([GPU, CPU], 50, T0 - 60_000); // earlier times: would move firstMs
    const failing: [EnergySample, FootprintError['code']][] = [
      [{ ...(later[0] as EnergySample), deviceId: 'nvml:GPU-unknown' }, 'not_found'],
      [{ ...(later[0] as EnergySample), energyJ: Number.NaN }, 'invalid_value'],
      [{ ...(later[0] as EnergySample), attributedJ: -1 }, 'invalid_value'],
      [{ ...(later[0] as EnergySample), endMs: T0 - 120_000 }, 'invalid_value'],
    ];
    for (const [bad, code] of failing) {
      await rejectsWith(ledger.appendSamples('r_keep', [...later, bad]), code, /samples\[100\]/);
      assert.deepEqual(await snapshot(), before);
    }

    // The next good batch counts from where the totals were.
    await ledger.appendSamples('r_keep', later);
    const all = [...samplesFor([GPU, CPU], 10), ...later];
    const gpu = await ledger.energyByDevice('r_keep');
    assert.deepEqual(gpu[0], {
      deviceId: GPU.id,
      energyJ: sum(all.filter((s) => s.deviceId === GPU.id).map((s) => s.energyJ)),
      attributedJ: sum(all.filter((s) => s.deviceId === GPU.id).map((s) => s.attributedJ)),
      sampleCount: 60,
      firstMs: T0 - 60_000,
      lastMs: T0 + 10_000,
    });
    assert.equal((await ledger.getRun('r_keep'))?.sampleCount, 120);
  });

  withLedger('writes and reads for an unknown run id are not_found', async (ledger) => {
    const marker: Marker = { atMs: T0, label: 'x', attrs: {} };
    await rejectsWith(ledger.addMarker('r_ghost', marker), 'not_found', /r_ghost/);
    await rejectsWith(ledger.addDevices('r_ghost', [CPU]), 'not_found', /r_ghost/);
    await rejectsWith(ledger.heartbeat('r_ghost', T0), 'not_found', /r_ghost/);
    await rejectsWith(ledger.samples('r_ghost'), 'not_found');
    await rejectsWith(ledger.markers('r_ghost'), 'not_found');
    await rejectsWith(ledger.devices('r_ghost'), 'not_found');
    await rejectsWith(ledger.energyByDevice('r_ghost'), 'not_found');
  });

  withLedger('a marker with an unknown phase is refused', async (ledger) => {
    await ledger.createRun(newRun('r_m'));
    const bad = { atMs: T0, label: 'phase', phase: 'deploy', attrs: {} } as unknown as Marker;
    await rejectsWith(ledger.addMarker('r_m', bad), 'invalid_value', /phase/);
    assert.deepEqual(await ledger.markers('r_m'), []);
  });

  withLedger('listRuns filters on start time in [sinceMs, untilMs)', async (ledger) => {
    for (let i = 0; i < 5; i++) await ledger.createRun(newRun(`r_t${i}`, { startMs: T0 + i * DAY }));
    const ids = async (q: Parameters<Ledger['listRuns']>[0]) => (await ledger.listRuns(q)).map((r) => r.id);
    assert.deepEqual(await ids({ sinceMs: T0 + DAY, untilMs: T0 + 3 * DAY }), ['r_t2', 'r_t1']);
    assert.deepEqual(await ids({ sinceMs: T0 + 3 * DAY }), ['r_t4', 'r_t3']);
    assert.deepEqual(await ids({ untilMs: T0 + DAY }), ['r_t0']);
    assert.deepEqual(await ids({ sinceMs: T0 + 0.5, untilMs: T0 + DAY }), []);
    assert.deepEqual(await ids({ sinceMs: T0, untilMs: T0 + 5 * DAY, limit: 1 }), ['r_t4']);
    await rejectsWith(ledger.listRuns({ sinceMs: Number.NaN }), 'invalid_value', /sinceMs/);
    await rejectsWith(ledger.runTotals({ untilMs: Number.POSITIVE_INFINITY }), 'invalid_value', /untilMs/);
    await rejectsWith(ledger.runTotals({ limit: -1 }), 'invalid_value', /limit/);
  });

  withLedger(
    'runTotals gives each run its devices, per-device sums of its samples and its phase markers',
    async (ledger) => {
      assert.deepEqual(await ledger.runTotals(), []);
      const layout: Record<string, { startMs: number; project: string; devices: DeviceInfo[]; n: number }> = {
        r_x1: { startMs: T0, project: 'p', devices: [GPU, CPU], n: 6 },
        r_x2: { startMs: T0 + DAY, project: 'p', devices: [CPU, MODEL_CPU], n: 3 },
        r_x3: { startMs: T0 + 2 * DAY, project: 'q', devices: [GPU], n: 4 },
        r_x4: { startMs: T0 + 3 * DAY, project: 'p', devices: [], n: 0 },
      };
      const stored: Record<string, EnergySample[]> = {};
      for (const [id, r] of Object.entries(layout)) {
        await ledger.createRun(newRun(id, { startMs: r.startMs, project: r.project }));
        await ledger.addDevices(id, r.devices);
        // The last device of a run with two gets no samples: it must still appear, with zeros.
        const measured = r.devices.length > 1 ? r.devices.slice(0, -1) : r.devices;
        stored[id] = samplesFor(measured, r.n, r.startMs);
        await ledger.appendSamples(id, stored[id]);
      }
      const phases: Marker[] = [
        { atMs: T0 + 3000, label: 'phase', phase: 'training', attrs: {} },
        { atMs: T0 + 1000, label: 'phase', phase: 'data', attrs: { step: '0' } },
      ];
      for (const m of phases) await ledger.addMarker('r_x1', m);
      await ledger.addMarker('r_x1', { atMs: T0 + 2000, label: 'epoch', attrs: { epoch: '1' } });
      await ledger.addMarker('r_x3', { atMs: T0 + 2 * DAY, label: 'phase', phase: 'inference', attrs: {} });
      await ledger.finishRun('r_x2', { endMs: T0 + DAY + 3000, status: 'completed', exitCode: 0 });

      const totals = await ledger.runTotals();
      assert.deepEqual(
        totals.map((t) => t.run),
        await ledger.listRuns(),
        'the runs, in the order and with the totals of listRuns',
      );
      for (const t of totals) {
        const id = t.run.id;
        const samples = stored[id] ?? [];
        assert.deepEqual(t.devices, await ledger.devices(id), id);
        assert.deepEqual(t.energy, await ledger.energyByDevice(id), id);
        assert.deepEqual(
          t.energy.map((d) => d.deviceId),
          (layout[id]?.devices ?? []).map((d) => d.id),
        );
        for (const d of t.energy) {
          const mine = samples.filter((s) => s.deviceId === d.deviceId);
          assert.equal(d.energyJ, sum(mine.map((s) => s.energyJ)), `${id} ${d.deviceId}`);
          assert.equal(d.attributedJ, sum(mine.map((s) => s.attributedJ)), `${id} ${d.deviceId}`);
          assert.equal(d.sampleCount, mine.length, `${id} ${d.deviceId}`);
        }
        assert.equal(t.run.energyJ, sum(samples.map((s) => s.energyJ)), id);
        assert.equal(t.run.sampleCount, samples.length, id);
      }
      const byId = new Map(totals.map((t) => [t.run.id, t]));
      assert.deepEqual(byId.get('r_x1')?.phaseMarkers, [phases[1], phases[0]], 'phase markers only, by time');
      assert.deepEqual(
        byId.get('r_x3')?.phaseMarkers.map((m) => m.phase),
        ['inference'],
      );
      assert.deepEqual(byId.get('r_x2')?.phaseMarkers, []);
      assert.deepEqual(byId.get('r_x4')?.energy, []);
      assert.equal(byId.get('r_x4')?.run.energyJ, 0);

      const ids = async (q: Parameters<Ledger['runTotals']>[0]) =>
        (await ledger.runTotals(q)).map((t) => t.run.id);
      assert.deepEqual(await ids({ project: 'p' }), ['r_x4', 'r_x2', 'r_x1']);
      assert.deepEqual(await ids({ project: 'p', limit: 2 }), ['r_x4', 'r_x2']);
      assert.deepEqual(await ids({ sinceMs: T0 + DAY, untilMs: T0 + 3 * DAY }), ['r_x3', 'r_x2']);
      assert.deepEqual(await ids({ status: 'completed' }), ['r_x2']);
      assert.deepEqual(await ids({ project: 'none' }), []);
      const [only] = await ledger.runTotals({ project: 'q' });
      assert.deepEqual(only?.energy, await ledger.energyByDevice('r_x3'), 'a filter keeps whole runs');
    },
  );

  withLedger('addEntries round-trips entries and listEntries orders and filters them', async (ledger) => {
    const full = newEntry('e_full', {
      model: 'tiny-gpt',
      phase: 'training',
      trainingType: 'online',
      label: 'CodeCarbon run 5b0fa12a',
      atMs: T0 + 2 * DAY,
      source: 'codecarbon',
      importKey: 'codecarbon:5b0fa12a',
      spec: { phase: 'training', duration_h: 1.5, nested: { list: [1, 'two', null, true], x: -0.001 } },
      predictions: 1_000_000,
      attrs: { file: 'emissions.csv', row: '3' },
    });
    const bare = newEntry('e_bare', { atMs: T0 });
    const other = newEntry('e_other', { project: 'cv', model: 'resnet', atMs: T0 + DAY });
    assert.deepEqual(await ledger.addEntries([full, bare, other]), { added: 3, skipped: 0 });
    assert.deepEqual(await ledger.listEntries(), [bare, other, full]);
    const stored = (await ledger.listEntries()).find((e) => e.id === 'e_bare');
    for (const absent of ['model', 'trainingType', 'importKey', 'predictions'])
      assert.equal(stored && absent in stored, false, `${absent} should be absent`);

    const ids = async (q: Parameters<Ledger['listEntries']>[0]) =>
      (await ledger.listEntries(q)).map((e) => e.id);
    assert.deepEqual(await ids({ project: 'llm' }), ['e_bare', 'e_full']);
    assert.deepEqual(await ids({ model: 'resnet' }), ['e_other']);
    assert.deepEqual(await ids({ sinceMs: T0 + DAY }), ['e_other', 'e_full']);
    assert.deepEqual(await ids({ untilMs: T0 + DAY }), ['e_bare']);
    assert.deepEqual(await ids({ sinceMs: T0, untilMs: T0 + 2 * DAY, project: 'llm' }), ['e_bare']);
    assert.deepEqual(await ids({ project: 'none' }), []);
    await rejectsWith(ledger.listEntries({ untilMs: Number.NaN }), 'invalid_value', /untilMs/);
    assert.deepEqual(await ledger.addEntries([]), { added: 0, skipped: 0 });
  });

  withLedger(
    're-adding entries with known import keys adds nothing; the first of a batch wins',
    async (ledger) => {
      const file = [1, 2, 3].map((n) =>
        newEntry(`e_a${n}`, { source: 'codecarbon', importKey: `codecarbon:run-${n}`, atMs: T0 + n }),
      );
      assert.deepEqual(await ledger.addEntries(file), { added: 3, skipped: 0 });
      // The same file imported again: new entry ids (made by the importer), the same import keys.
      const again = file.map((e) => ({ ...e, id: `${e.id}_again`, label: 'imported twice' }));
      assert.deepEqual(await ledger.addEntries(again), { added: 0, skipped: 3 });
      assert.deepEqual(
        await ledger.addEntries(file),
        { added: 0, skipped: 3 },
        'same ids and keys: skipped too',
      );
      const grown = [
        ...again,
        newEntry('e_a4', { source: 'codecarbon', importKey: 'codecarbon:run-4', atMs: T0 + 4 }),
      ];
      assert.deepEqual(await ledger.addEntries(grown), { added: 1, skipped: 3 });

      const twice = [
        newEntry('e_b1', { importKey: 'footprint:host:r_1', label: 'first' }),
        newEntry('e_b2', { importKey: 'footprint:host:r_1', label: 'second' }),
      ];
      assert.deepEqual(await ledger.addEntries(twice), { added: 1, skipped: 1 });
      // Entries without an import key are never skipped.
      assert.deepEqual(await ledger.addEntries([newEntry('e_c1'), newEntry('e_c2')]), {
        added: 2,
        skipped: 0,
      });

      const all = await ledger.listEntries();
      assert.deepEqual(
        all.map((e) => e.id),
        ['e_b1', 'e_c1', 'e_c2', 'e_a1', 'e_a2', 'e_a3', 'e_a4'],
      );
      assert.equal(all.find((e) => e.importKey === 'footprint:host:r_1')?.label, 'first');
      assert.ok(all.every((e) => e.label !== 'imported twice'));
    },
  );

  withLedger('a batch of entries with a bad one stores none of them', async (ledger) => {
    await ledger.addEntries([newEntry('e_kept', { importKey: 'k:kept' })]);
    const good = [newEntry('e_n1', { importKey: 'k:1' }), newEntry('e_n2')];
    const invalid: [Partial<Entry>, RegExp][] = [
      [{ atMs: Number.NaN }, /entries\[2\].*atMs/],
      [{ phase: 'deploy' as Entry['phase'] }, /entries\[2\].*phase/],
      [{ source: 'excel' as Entry['source'] }, /entries\[2\].*source/],
      [{ project: ' ' }, /entries\[2\].*project/],
      [{ predictions: -1 }, /entries\[2\].*predictions/],
      [{ attrs: { n: 1 } as unknown as Entry['attrs'] }, /entries\[2\].*attrs\.n/],
      [{ spec: [] as unknown as Entry['spec'] }, /entries\[2\].*spec/],
      [{ id: '' }, /entries\[2\].*id/],
    ];
    for (const [over, pattern] of invalid)
      await rejectsWith(
        ledger.addEntries([...good, newEntry('e_bad', over)]),
        'invalid_value',
        new RegExp(`${pattern.source}.*nothing of this batch was stored`),
      );
    // Valid on its own, refused by the ledger after the others were written: still all or nothing.
    await rejectsWith(
      ledger.addEntries([...good, newEntry('e_kept', { importKey: 'k:other' })]),
      'invalid_value',
      /entry id e_kept is already in the ledger.*nothing of this batch was stored/,
    );
    await rejectsWith(
      ledger.addEntries([...good, newEntry('e_n1', { importKey: 'k:3' })]),
      'invalid_value',
      /entry id e_n1/,
    );
    assert.deepEqual(
      (await ledger.listEntries()).map((e) => e.id),
      ['e_kept'],
    );
    assert.deepEqual(await ledger.addEntries(good), { added: 2, skipped: 0 }, 'the good ones, alone, go in');
  });
}
