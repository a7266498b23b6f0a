/**
 * The NVML sensor logic on NVML answers replayed from test/fixtures/nvml (a real H200 capture and
 * constructed A100/P100/V100 ones): counter vs power, MIG, CUDA_VISIBLE_DEVICES, per-process job
 * shares, and every way a GPU can fail to be measured.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type NvmlCapture, readCapture, replayNvml } from './nvml-replay.test-util.js';
import { createNvmlSensor, shareOfGpu } from './nvml-sensor.js';
import type { Probe, ReadContext } from './sensor.js';
import type { SensorWithNotes } from './sensor-notes.js';

const at = (nowMs: number, pids: readonly number[]): ReadContext => ({ nowMs, jobPids: new Set(pids) });

function sensorOf(probe: Probe<SensorWithNotes>): SensorWithNotes {
  assert.equal(probe.status, 'ok', probe.status === 'unavailable' ? probe.reason : '');
  if (probe.status !== 'ok') throw new Error('unreachable');
  return probe.value;
}

function series(values: unknown): number[] {
  assert.ok(Array.isArray(values));
  return values.map((v) => {
    assert.equal(typeof v, 'number');
    return v as number;
  });
}

test('A100 with an energy counter: cumulative joules since start, job alone on the GPU', () => {
  const capture = readCapture('a100-counter.json');
  const gpu = capture.gpus[0];
  assert.ok(gpu);
  const mj = series(gpu.totalEnergyConsumption);
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}));
  assert.equal(sensor.name, 'nvml');
  assert.deepEqual(sensor.devices, [
    {
      id: 'nvml:GPU-5d5ba0d6-d33d-2b2c-524d-e8d7b8e6b5bb',
      kind: 'gpu',
      name: 'NVIDIA A100-SXM4-40GB',
      model: 'NVIDIA A100-SXM4-40GB',
      method: 'counter',
      provenance: 'measured',
      source: 'NVML nvmlDeviceGetTotalEnergyConsumption (total energy counter, mJ)',
    },
  ]);
  const job = [41872, 41901];
  const first = mj[0] ?? 0;
  for (let k = 1; k <= 4; k++) {
    const [r] = sensor.read(at(k * 200, job));
    assert.ok(r);
    assert.equal(r.deviceId, 'nvml:GPU-5d5ba0d6-d33d-2b2c-524d-e8d7b8e6b5bb');
    assert.equal(r.energyJ, ((mj[k] ?? Number.NaN) - first) / 1000);
    assert.equal(r.powerW, undefined);
    // Reads 1–4 see: no process yet (idle GPU, held by the job), then only job PIDs.
    assert.equal(r.jobShare, 1);
  }
  // The same processes, but only 41872 is the job's: its share of the used GPU memory.
  const [r] = sensor.read(at(1000, [41872]));
  assert.equal(r?.jobShare, 9617539072 / (9617539072 + 2084569088));
});

test('Pascal P100 without a counter (NOT_SUPPORTED): power in watts from milliwatts', () => {
  const capture = readCapture('p100-power.json');
  const mw = series(capture.gpus[0]?.powerUsage);
  const api = replayNvml(capture);
  const sensor = sensorOf(createNvmlSensor(api, {}));
  const [device] = sensor.devices;
  assert.equal(device?.method, 'power');
  assert.equal(device?.name, 'Tesla P100-PCIE-16GB');
  assert.match(device?.source ?? '', /nvmlDeviceGetPowerUsage.*no energy counter/);
  // The probe asked for power once to know it answers; reads take the following samples.
  const probed = api.calls.get('deviceGetPowerUsage') ?? 0;
  assert.equal(probed, 1);
  const reads = [at(500, [20311]), at(1000, [20311]), at(1500, [999])].map((c) => sensor.read(c)[0]);
  assert.deepEqual(
    reads.map((r) => r?.powerW),
    mw.slice(1, 4).map((v) => v / 1000),
  );
  assert.deepEqual(
    reads.map((r) => r?.energyJ),
    [undefined, undefined, undefined],
  );
  // Idle GPU → 1; only the job's PID → 1; a process that is not the job's → 0.
  assert.deepEqual(
    reads.map((r) => r?.jobShare),
    [1, 1, 0],
  );
});

test('MIG-enabled A100: the parent GPU is measured and says so; processes come from each instance', () => {
  const capture = readCapture('a100-mig.json');
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}));
  assert.deepEqual(
    sensor.devices.map((d) => d.id),
    ['nvml:GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90', 'nvml:GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964'],
  );
  const [mig, plain] = sensor.devices;
  assert.equal(mig?.method, 'counter');
  assert.match(mig?.source ?? '', /MIG mode: the whole parent GPU is measured/);
  assert.doesNotMatch(plain?.source ?? '', /MIG/);
  const [r0, r1] = sensor.read(at(1000, [7120]));
  // One job process and one foreign one, both with memory withheld by NVML: share by process count.
  assert.equal(r0?.jobShare, 0.5);
  const mj0 = series(capture.gpus[0]?.totalEnergyConsumption);
  assert.equal(r0?.energyJ, ((mj0[1] ?? 0) - (mj0[0] ?? 0)) / 1000);
  // GPU 1 is idle.
  assert.equal(r1?.jobShare, 1);
});

test('CUDA_VISIBLE_DEVICES with a MIG UUID selects its parent GPU only, with a note', () => {
  const capture = readCapture('a100-mig.json');
  const sensor = sensorOf(
    createNvmlSensor(replayNvml(capture), {
      CUDA_VISIBLE_DEVICES: 'MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f',
    }),
  );
  assert.deepEqual(
    sensor.devices.map((d) => d.id),
    ['nvml:GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90'],
  );
  assert.ok(sensor.notes.some((n) => /MIG instance of GPU 0/.test(n)));
});

test('CUDA_VISIBLE_DEVICES by index, by UUID prefix, and lists that make no GPU visible', () => {
  const capture = readCapture('a100-mig.json');
  const ids = (env: Record<string, string>): string[] | string => {
    const p = createNvmlSensor(replayNvml(capture), env);
    return p.status === 'ok' ? p.value.devices.map((d) => d.id) : p.reason;
  };
  assert.deepEqual(ids({ CUDA_VISIBLE_DEVICES: '1' }), ['nvml:GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964']);
  assert.deepEqual(ids({ CUDA_VISIBLE_DEVICES: 'GPU-71c0' }), [
    'nvml:GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964',
  ]);
  assert.deepEqual(ids({ CUDA_VISIBLE_DEVICES: '1,0' }), [
    'nvml:GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964',
    'nvml:GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90',
  ]);
  // An invalid entry ends the list, as in CUDA.
  assert.deepEqual(ids({ CUDA_VISIBLE_DEVICES: '1,7,0' }), ['nvml:GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964']);
  for (const none of ['', '-1', 'NoDevFiles']) {
    const r = ids({ CUDA_VISIBLE_DEVICES: none });
    assert.equal(typeof r, 'string', `CUDA_VISIBLE_DEVICES=${JSON.stringify(none)} should measure nothing`);
    assert.match(String(r), /no GPU can be measured/);
  }
});

test('shared GPUs: the job gets its share of used GPU memory, nothing of a GPU it does not use', () => {
  const capture = readCapture('shared-gpu.json');
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}));
  const [g0, g1] = sensor.read(at(1000, [5120]));
  assert.equal(g0?.jobShare, 19327352832 / (19327352832 + 6442450944));
  assert.equal(g1?.jobShare, 0);
  // Second capture: NVML withheld the foreign process's memory → share of processes.
  const [h0] = sensor.read(at(2000, [5120]));
  assert.equal(h0?.jobShare, 0.5);
});

test('PIDs from another PID namespace: no job share, and a note that says why', () => {
  const capture = readCapture('shared-gpu.json');
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}, { pidVisible: () => false }));
  const [g0, g1] = sensor.read(at(1000, [42]));
  assert.ok(g0 && g1);
  assert.equal('jobShare' in g0, false);
  assert.equal('jobShare' in g1, false);
  assert.equal(typeof g0.energyJ, 'number');
  assert.ok(sensor.notes.some((n) => /PID namespace/.test(n)));
});

test('a counter that goes backwards (driver reload) keeps adding from zero', () => {
  const base = readCapture('a100-counter.json');
  const gpu = base.gpus[0];
  assert.ok(gpu);
  const capture: NvmlCapture = {
    ...base,
    gpus: [{ ...gpu, totalEnergyConsumption: [1_000_000, 1_500_000, 200_000, 700_000] }],
  };
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}));
  const joules = [1, 2, 3].map((k) => sensor.read(at(k, []))[0]?.energyJ);
  assert.deepEqual(joules, [500, 700, 1200]);
  assert.ok(sensor.notes.some((n) => /restarted/.test(n)));
});

test('a failed read leaves the device out of that read only, and is noted', () => {
  const base = readCapture('a100-counter.json');
  const gpu = base.gpus[0];
  assert.ok(gpu);
  const capture: NvmlCapture = {
    ...base,
    gpus: [{ ...gpu, totalEnergyConsumption: [1_000_000, { rc: 15 }, 1_300_000] }],
  };
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}));
  assert.deepEqual(sensor.read(at(1, [])), []);
  assert.equal(sensor.read(at(2, []))[0]?.energyJ, 300);
  assert.ok(sensor.notes.some((n) => /GPU is lost \(NVML error 15\)/.test(n)));
});

test('a process list NVML refuses: whole-GPU energy without a job share', () => {
  const base = readCapture('a100-counter.json');
  const gpu = base.gpus[0];
  assert.ok(gpu);
  const capture: NvmlCapture = { ...base, gpus: [{ ...gpu, computeRunningProcesses: { rc: 4 } }] };
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}));
  const [r] = sensor.read(at(1, [41872]));
  assert.ok(r);
  assert.equal('jobShare' in r, false);
  assert.ok(sensor.notes.some((n) => /Insufficient Permissions/.test(n)));
});

test('a GPU with neither a counter nor power is unavailable, with the NVML reasons', () => {
  const base = readCapture('p100-power.json');
  const gpu = base.gpus[0];
  assert.ok(gpu);
  const capture: NvmlCapture = { ...base, gpus: [{ ...gpu, powerUsage: { rc: 3 } }] };
  const probe = createNvmlSensor(replayNvml(capture), {});
  assert.equal(probe.status, 'unavailable');
  assert.match(probe.status === 'unavailable' ? probe.reason : '', /Not Supported \(NVML error 3\)/);
  assert.equal(createNvmlSensor(replayNvml({ ...base, gpus: [] }), {}).status, 'unavailable');
});

test('close shuts NVML down once; reads after close return nothing', () => {
  const api = replayNvml(readCapture('a100-counter.json'));
  const sensor = sensorOf(createNvmlSensor(api, {}));
  sensor.close();
  sensor.close();
  assert.equal(api.shutdowns, 1);
  assert.deepEqual(sensor.read(at(1, [])), []);
});

test('shareOfGpu: a PID on two MIG instances counts once, its memory summed', () => {
  const visible = () => true;
  const procs = [
    { pid: 1, usedGpuMemoryBytes: 100 },
    { pid: 1, usedGpuMemoryBytes: 200 },
    { pid: 2, usedGpuMemoryBytes: 100 },
  ];
  assert.deepEqual(shareOfGpu(procs, new Set([1]), visible), { share: 0.75 });
  assert.deepEqual(shareOfGpu(procs, new Set([2]), visible), { share: 0.25 });
  assert.deepEqual(shareOfGpu([], new Set([2]), visible), { share: 1 });
  // Zero bytes reported for everyone: fall back to the share of processes.
  assert.deepEqual(
    shareOfGpu(
      [
        { pid: 1, usedGpuMemoryBytes: 0 },
        { pid: 2, usedGpuMemoryBytes: 0 },
      ],
      new Set([1]),
      visible,
    ),
    { share: 0.5 },
  );
});

test('a real H200 capture: counter energy read for read, the job alone on the GPU', () => {
  const capture = readCapture('h200-capture.json');
  const mj = series(capture.gpus[0]?.totalEnergyConsumption);
  const sensor = sensorOf(createNvmlSensor(replayNvml(capture), {}));
  assert.equal(sensor.devices[0]?.id, 'nvml:GPU-4e06f3bc-5cf3-3dec-32ce-8b3adfe2b9e1');
  assert.equal(sensor.devices[0]?.model, 'NVIDIA H200');
  const first = mj[0] ?? 0;
  let last: number | undefined;
  for (let k = 1; k < mj.length; k++) {
    const [r] = sensor.read(at(k * 200, [437]));
    assert.equal(r?.energyJ, ((mj[k] ?? Number.NaN) - first) / 1000);
    assert.equal(r?.jobShare, 1);
    last = r?.energyJ;
  }
  // 5285 J over the 10 s window: a ~530 W mean on a 700 W board, as the load ran 3 s on, 1 s off.
  assert.ok(last !== undefined && last > 5000 && last < 5600, String(last));
  // Another process's job gets nothing of it.
  assert.equal(sensor.read(at(20_000, [1]))[0]?.jobShare, 0);
});
