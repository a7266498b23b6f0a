import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { fixtureTree } from '../../test/support/fixture-tree.js';
import {
  processRssBytes,
  processTicks,
  processTree,
  readCpuModel,
  readCpuTimes,
  readMemInfo,
} from './procfs.js';

const stat = (
  pid: number,
  ppid: number,
  name: string,
  utime: number,
  stime: number,
  cutime = 0,
  cstime = 0,
) =>
  `${pid} (${name}) S ${ppid} ${pid} ${pid} 0 -1 4194304 100 0 0 0 ${utime} ${stime} ${cutime} ${cstime} 20 0 1 0 100 1000 10\n`;

const FIXTURE = {
  stat: 'cpu  100 10 50 1000 40 5 5 0 7 0\ncpu0 50 5 25 500 20 2 3 0 0 0\ncpu1 50 5 25 500 20 3 2 0 0 0\nintr 1\n',
  meminfo: 'MemTotal:       16000000 kB\nMemFree:         1000000 kB\nMemAvailable:    8000000 kB\n',
  cpuinfo:
    'processor\t: 0\nmodel name\t: AMD EPYC 7763 64-Core Processor\nphysical id\t: 0\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7763 64-Core Processor\nphysical id\t: 1\n',
  '10/stat': stat(10, 1, 'python train.py', 30, 10, 5, 5),
  '10/status': 'Name:\tpython\nVmRSS:\t  2048 kB\n',
  '10/task/10/children': '11 ',
  '11/stat': stat(11, 10, 'worker (1) x', 20, 0),
  '11/status': 'Name:\tworker\nVmRSS:\t  1024 kB\n',
  '11/task/11/children': '',
  '12/stat': stat(12, 1, 'other', 999, 999),
  '12/task/12/children': '',
};

test('host CPU times: busy excludes idle and iowait; guest time is not counted twice', () => {
  const t = readCpuTimes(fixtureTree(FIXTURE));
  assert.deepEqual(t, { busy: 100 + 10 + 50 + 5 + 5 + 0, total: 170 + 1000 + 40, cpus: 2 });
});

test('a process tree through the children files, and without them through parent links', () => {
  const root = fixtureTree(FIXTURE);
  assert.deepEqual([...processTree(root, 10)].sort(), [10, 11]);
  const {
    '10/task/10/children': _a,
    '11/task/11/children': _b,
    '12/task/12/children': _c,
    ...noChildren
  } = FIXTURE;
  assert.deepEqual([...processTree(fixtureTree(noChildren), 10)].sort(), [10, 11]);
  assert.equal(processTree(root, 99).size, 0);
});

test('process ticks include waited-for children; names with spaces and parentheses parse', () => {
  const root = fixtureTree(FIXTURE);
  assert.equal(processTicks(root, 10), 30 + 10 + 5 + 5);
  assert.equal(processTicks(root, 11), 20);
  assert.equal(processRssBytes(root, 10), 2048 * 1024);
});

test('memory and CPU model', () => {
  const root = fixtureTree(FIXTURE);
  assert.deepEqual(readMemInfo(root), { totalBytes: 16000000 * 1024, availableBytes: 8000000 * 1024 });
  assert.deepEqual(readCpuModel(root), { model: 'AMD EPYC 7763 64-Core Processor', sockets: 2, threads: 2 });
});

test('on the real /proc: a spawned child is in our tree and accrues CPU time', async () => {
  const child = spawn(process.execPath, ['-e', 'const t=Date.now(); while (Date.now()-t < 400) {}']);
  try {
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(processTree('/proc', process.pid).has(child.pid as number));
    assert.ok((processTicks('/proc', child.pid as number) ?? 0) > 0);
  } finally {
    await new Promise((r) => child.on('exit', r));
  }
});
