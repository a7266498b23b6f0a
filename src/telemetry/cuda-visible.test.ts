/**
 * CUDA_VISIBLE_DEVICES parsed and resolved as the CUDA runtime does: unset, empty, indices, UUID
 * prefixes, MIG UUIDs (both namings), and the first invalid entry ending the list.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCudaVisibleDevices, resolveVisibleGpus, type VisibleCandidate } from './cuda-visible.js';

const GPUS: readonly VisibleCandidate[] = [
  { index: 0, uuid: 'GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90', name: 'NVIDIA A100-SXM4-80GB', migUuids: [] },
  {
    index: 1,
    uuid: 'GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964',
    name: 'NVIDIA A100-SXM4-80GB',
    migUuids: ['MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f', 'MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb'],
  },
  { index: 2, uuid: 'GPU-71c0aaaa-0000-1111-2222-333344445555', name: 'NVIDIA A100-SXM4-80GB', migUuids: [] },
];

const pick = (value: string | undefined, env = {}): number[] =>
  resolveVisibleGpus(parseCudaVisibleDevices(value), GPUS, env).gpus.map((g) => g.index);

test('unset means every GPU; empty means none', () => {
  assert.deepEqual(parseCudaVisibleDevices(undefined), { kind: 'all' });
  assert.deepEqual(pick(undefined), [0, 1, 2]);
  assert.deepEqual(parseCudaVisibleDevices(''), { kind: 'list', entries: [] });
  assert.deepEqual(pick(''), []);
  assert.deepEqual(pick('  '), []);
});

test('indices select in the order given, each GPU once', () => {
  assert.deepEqual(pick('2,0'), [2, 0]);
  assert.deepEqual(pick(' 1 , 2 '), [1, 2]);
  assert.deepEqual(pick('1,1'), [1]);
});

test('-1, NoDevFiles and other invalid entries end the list', () => {
  assert.deepEqual(pick('-1'), []);
  assert.deepEqual(pick('NoDevFiles'), []);
  assert.deepEqual(pick('0,-1,1'), [0]);
  assert.deepEqual(pick('1,5,0'), [1]);
  assert.deepEqual(pick('0,,1'), [0]);
  const parsed = parseCudaVisibleDevices('0,x,1');
  assert.equal(parsed.kind, 'list');
  assert.equal(parsed.kind === 'list' ? parsed.stoppedAt?.text : '', 'x');
  const { notes } = resolveVisibleGpus(parsed, GPUS);
  assert.ok(notes.some((n) => n.includes('"x"') && n.includes('every entry after it')));
});

test('GPU UUIDs and unique prefixes; an ambiguous prefix ends the list', () => {
  assert.deepEqual(pick('GPU-2f6e8a41-0c7b-4d3e-9a15-b86f2d4c7e90'), [0]);
  assert.deepEqual(pick('gpu-2F6E'), [0]);
  assert.deepEqual(pick('GPU-71c0d9'), [1]);
  assert.deepEqual(pick('0,GPU-71c0,2'), [0]);
  const { notes } = resolveVisibleGpus(parseCudaVisibleDevices('GPU-71c0'), GPUS);
  assert.ok(notes.some((n) => n.includes('more than one GPU')));
  assert.deepEqual(pick('GPU-ffff'), []);
});

test('MIG UUIDs resolve to the parent GPU, once, with a note', () => {
  const both = resolveVisibleGpus(
    parseCudaVisibleDevices(
      'MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f,MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb',
    ),
    GPUS,
  );
  assert.deepEqual(both.gpus, [
    {
      index: 1,
      uuid: 'GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964',
      viaMig: ['MIG-c6d4f1ef-42e4-5de3-91c7-45d71c87eb3f', 'MIG-cba663e8-9bed-5b25-b243-5985ef7c9beb'],
    },
  ]);
  assert.ok(both.notes.some((n) => /MIG instance of GPU 1/.test(n) && /no energy counter/.test(n)));
  assert.deepEqual(pick('MIG-00000000-0000-0000-0000-000000000000'), []);
});

test('the pre-R470 MIG naming MIG-GPU-<uuid>/<gi>/<ci> selects the parent GPU', () => {
  const parsed = parseCudaVisibleDevices('MIG-GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964/1/0');
  assert.equal(parsed.kind === 'list' ? parsed.entries[0]?.kind : undefined, 'mig-legacy');
  assert.deepEqual(pick('MIG-GPU-71c0d9b2-e5a3-3f68-04d7-c1e8b5a2f964/1/0'), [1]);
});

test('indices on a machine of mixed models warn about CUDA_DEVICE_ORDER unless it is PCI_BUS_ID', () => {
  const mixed: VisibleCandidate[] = [
    { index: 0, uuid: 'GPU-aa', name: 'NVIDIA A100-SXM4-80GB', migUuids: [] },
    { index: 1, uuid: 'GPU-bb', name: 'Tesla T4', migUuids: [] },
  ];
  const warned = resolveVisibleGpus(parseCudaVisibleDevices('1'), mixed);
  assert.ok(warned.notes.some((n) => n.includes('CUDA_DEVICE_ORDER=PCI_BUS_ID')));
  const quiet = resolveVisibleGpus(parseCudaVisibleDevices('1'), mixed, { CUDA_DEVICE_ORDER: 'PCI_BUS_ID' });
  assert.deepEqual(quiet.notes, []);
  assert.deepEqual(resolveVisibleGpus(parseCudaVisibleDevices('1'), GPUS).notes, []);
});
