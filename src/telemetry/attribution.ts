/**
 * The job's share of shared devices, from procfs: CPU by the process tree's CPU time over the
 * host's busy CPU time in the same interval; DRAM by the tree's resident memory over the host's
 * used memory. GPU shares come from the GPU sensors (NVML per-process data). Both whole-device and
 * attributed energy are kept, so a reader sees what the host drew and what the job caused.
 */
import {
  type CpuTimes,
  processRssBytes,
  processTicks,
  processTree,
  readCpuTimes,
  readMemInfo,
} from './procfs.js';

export interface Shares {
  readonly pids: ReadonlySet<number>;
  /** Share of host busy CPU time used by the job, [0, 1]. */
  readonly cpu: number;
  /** Share of used host memory held by the job, [0, 1]. */
  readonly memory: number;
}

export interface Attribution {
  /** Shares over the interval since the previous call. */
  sample(): Shares;
}

const clamp = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export function createAttribution(procRoot: string, rootPid: number): Attribution {
  let previousHost: CpuTimes | undefined = readCpuTimes(procRoot);
  // Ticks of processes seen in earlier intervals: a process that exits keeps contributing its
  // last known ticks until its parent reaps it and its time moves into the parent's cutime.
  const lastTicks = new Map<number, number>();
  let previousJob = 0;
  let lastShares: Shares = { pids: new Set([rootPid]), cpu: 0, memory: 0 };

  return {
    sample(): Shares {
      const pids = processTree(procRoot, rootPid);
      if (pids.size === 0) return lastShares; // the job has exited: keep the last attribution
      let job = 0;
      let rss = 0;
      for (const pid of pids) {
        const ticks = processTicks(procRoot, pid);
        if (ticks !== undefined) lastTicks.set(pid, ticks);
        job += lastTicks.get(pid) ?? 0;
        rss += processRssBytes(procRoot, pid);
      }
      for (const pid of lastTicks.keys()) if (!pids.has(pid)) lastTicks.delete(pid);
      const host = readCpuTimes(procRoot);
      const hostBusy = host && previousHost ? host.busy - previousHost.busy : 0;
      const cpu = hostBusy > 0 ? clamp((job - previousJob) / hostBusy) : lastShares.cpu;
      previousHost = host ?? previousHost;
      previousJob = Math.max(previousJob, job);
      const mem = readMemInfo(procRoot);
      const used = mem ? mem.totalBytes - mem.availableBytes : 0;
      lastShares = { pids, cpu, memory: used > 0 ? clamp(rss / used) : 0 };
      return lastShares;
    },
  };
}
