/**
 * Reads Linux procfs for what attribution and the fallback models need: host CPU time
 * (/proc/stat), a process tree's CPU time and resident memory (/proc/<pid>/stat, status, children),
 * and memory totals (/proc/meminfo). The root is injectable (FOOTPRINT_PROC_ROOT) so tests run on
 * fixture trees; the production path is the same code on /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CpuTimes {
  /** Ticks (USER_HZ) spent doing work, all CPUs together: user+nice+system+irq+softirq+steal. */
  readonly busy: number;
  /** All ticks, idle and iowait included. */
  readonly total: number;
  /** Logical CPUs (cpuN lines). */
  readonly cpus: number;
}

export const procRoot = (env: Readonly<Record<string, string | undefined>>): string =>
  env.FOOTPRINT_PROC_ROOT ?? '/proc';

const read = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // a process that exited between listing and reading: expected, not an error
  }
};

/** proc(5): the first line of /proc/stat holds the aggregate of all CPUs. */
export function readCpuTimes(root: string): CpuTimes | undefined {
  const text = read(join(root, 'stat'));
  if (!text) return undefined;
  const lines = text.split('\n');
  const fields = (lines[0] ?? '').trim().split(/\s+/);
  if (fields[0] !== 'cpu') return undefined;
  const n = fields.slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = n;
  // guest and guest_nice are already counted in user and nice (proc(5)); they are not added again.
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait, cpus: lines.filter((l) => /^cpu\d+ /.test(l)).length };
}

/**
 * CPU ticks of one process: utime + stime of itself plus cutime + cstime of its children that it
 * has waited for, so time of short-lived children that have exited is not lost (proc(5) fields
 * 14–17, counted after the parenthesised command name, which may itself contain spaces).
 */
export function processTicks(root: string, pid: number): number | undefined {
  const text = read(join(root, String(pid), 'stat'));
  if (!text) return undefined;
  const after = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // `after` starts at field 3 (state): utime is field 14 → index 11.
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(after[i] ?? 0));
  return (utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0);
}

/** Resident memory of a process, bytes (VmRSS in /proc/<pid>/status, given in kB). */
export function processRssBytes(root: string, pid: number): number {
  const text = read(join(root, String(pid), 'status'));
  const match = text?.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return match ? Number(match[1]) * 1024 : 0;
}

function parentOf(root: string, pid: number): number | undefined {
  const text = read(join(root, String(pid), 'stat'));
  if (!text) return undefined;
  return Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]);
}

/**
 * The PIDs of a process and all its descendants. Uses /proc/<pid>/task/<tid>/children where the
 * kernel provides it (CONFIG_PROC_CHILDREN: reads only the job's own tree), else scans every
 * process's parent link once.
 */
export function processTree(root: string, rootPid: number): Set<number> {
  const tree = new Set<number>();
  if (read(join(root, String(rootPid), 'stat')) === undefined) return tree;
  const childrenFile = (pid: number): string[] | undefined => {
    let tasks: string[];
    try {
      tasks = readdirSync(join(root, String(pid), 'task'));
    } catch {
      return undefined;
    }
    const out: string[] = [];
    for (const tid of tasks) {
      const text = read(join(root, String(pid), 'task', tid, 'children'));
      if (text === undefined) return undefined;
      out.push(...text.split(/\s+/).filter(Boolean));
    }
    return out;
  };
  if (childrenFile(rootPid) !== undefined) {
    const stack = [rootPid];
    while (stack.length > 0) {
      const pid = stack.pop() as number;
      if (tree.has(pid)) continue;
      tree.add(pid);
      for (const child of childrenFile(pid) ?? []) stack.push(Number(child));
    }
    return tree;
  }
  const parents = new Map<number, number>();
  for (const entry of readdirSync(root)) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(root, Number(entry));
    if (ppid !== undefined) parents.set(Number(entry), ppid);
  }
  tree.add(rootPid);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return tree;
}

export interface MemInfo {
  readonly totalBytes: number;
  readonly availableBytes: number;
}

export function readMemInfo(root: string): MemInfo | undefined {
  const text = read(join(root, 'meminfo'));
  const kb = (key: string) =>
    Number(text?.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? Number.NaN) * 1024;
  const totalBytes = kb('MemTotal');
  const availableBytes = kb('MemAvailable');
  return Number.isFinite(totalBytes) && Number.isFinite(availableBytes)
    ? { totalBytes, availableBytes }
    : undefined;
}

/** `model name` of the first CPU in /proc/cpuinfo, and the number of physical packages. */
export function readCpuModel(root: string): { model: string; sockets: number; threads: number } | undefined {
  const text = read(join(root, 'cpuinfo'));
  if (!text) return undefined;
  const model = text.match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim();
  const packages = new Set([...text.matchAll(/^physical id\s*:\s*(\d+)$/gm)].map((m) => m[1]));
  const threads = [...text.matchAll(/^processor\s*:/gm)].length;
  return model ? { model, sockets: Math.max(1, packages.size), threads } : undefined;
}
