/**
 * NVIDIA GPU power through `nvidia-smi`, for hosts where NVML cannot be loaded in-process (koffi
 * missing for the platform, a driver library in an odd place) but the tool works.
 *
 * One long-lived process, never one per sample:
 *   nvidia-smi --query-gpu=index,uuid,power.draw,name --format=csv,noheader,nounits -lms N
 * prints one line per GPU every N ms. Lines are parsed as they arrive and read() serves the latest
 * per GPU. A spawn per sample would cost ~50–100 ms of CPU each and miss the interval on busy hosts.
 * The name comes last so that a comma in it could not shift the other fields.
 *
 * Only power is read (nvidia-smi has no energy-counter field), so the sampler integrates it. There is
 * no per-process attribution on this path: `jobShare` is left out (the whole GPU is counted).
 * CUDA_VISIBLE_DEVICES is honoured as for NVML; MIG UUIDs in it are mapped to their parent GPU
 * with one `nvidia-smi -L` at start.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { DeviceInfo } from '../core/measurement.js';
import { parseCudaVisibleDevices, resolveVisibleGpus, type VisibleCandidate } from './cuda-visible.js';
import { ok, type Probe, type Reading, unavailable } from './sensor.js';
import { noteList, type SensorWithNotes } from './sensor-notes.js';

export const SMI_QUERY = 'index,uuid,power.draw,name';

export interface SmiSample {
  readonly index: number;
  readonly uuid: string;
  readonly name: string;
  /** Absent when nvidia-smi prints `[N/A]`, `[Not Supported]` or another bracketed non-value. */
  readonly powerW?: number;
}

/** One line of `--query-gpu=index,uuid,power.draw,name --format=csv,noheader,nounits`. */
export function parseSmiLine(line: string): SmiSample | { readonly error: string } {
  const fields = line.split(',').map((f) => f.trim());
  if (fields.length < 4) return { error: `expected 4 fields (${SMI_QUERY}), got "${line}"` };
  const [indexText = '', uuid = '', powerText = '', ...nameParts] = fields;
  const name = nameParts.join(', ');
  if (!/^\d+$/.test(indexText)) return { error: `index "${indexText}" is not a number in "${line}"` };
  if (!/^GPU-/i.test(uuid)) return { error: `"${uuid}" is not a GPU UUID in "${line}"` };
  const index = Number(indexText);
  if (/^\[.*\]$/.test(powerText)) return { index, uuid, name };
  const powerW = Number(powerText);
  if (powerText === '' || !Number.isFinite(powerW) || powerW < 0) {
    return { error: `power.draw "${powerText}" is not a number of watts in "${line}"` };
  }
  return { index, uuid, name, powerW };
}

/**
 * `nvidia-smi -L`: the GPUs and their MIG instances, e.g.
 *   GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-2f6e…)
 *     MIG 3g.40gb     Device  0: (UUID: MIG-c6d4…)
 */
export function parseSmiList(text: string): VisibleCandidate[] {
  const gpus: { index: number; uuid: string; name: string; migUuids: string[] }[] = [];
  for (const line of text.split('\n')) {
    const gpu = /^GPU (\d+): (.*) \(UUID: (GPU-[0-9a-f-]+)\)/i.exec(line.trim());
    if (gpu?.[1] && gpu[2] && gpu[3]) {
      gpus.push({ index: Number(gpu[1]), name: gpu[2], uuid: gpu[3], migUuids: [] });
      continue;
    }
    const mig = /^MIG .*\(UUID: (MIG-[^)\s]+)\)/i.exec(line.trim());
    const parent = gpus.at(-1);
    if (mig?.[1] && parent) parent.migUuids.push(mig[1]);
  }
  return gpus;
}

export interface NvidiaSmiOptions {
  readonly intervalMs: number;
  /** The executable (default `nvidia-smi`, looked up on the PATH of `env`). */
  readonly command?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How long to wait for the first samples before giving up (default 15 s). */
  readonly startTimeoutMs?: number;
  /** Clock for sample ages (default Date.now), the same clock as ReadContext.nowMs. */
  readonly now?: () => number;
}

interface Latest {
  powerW?: number;
  atMs: number;
}

const cleanEnv = (env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));

function listGpus(command: string, env: NodeJS.ProcessEnv): Promise<VisibleCandidate[] | string> {
  return new Promise((resolve) => {
    execFile(command, ['-L'], { env, timeout: 15_000 }, (error, stdout) => {
      if (error) resolve(`\`${command} -L\` failed: ${error.message}`);
      else resolve(parseSmiList(stdout));
    });
  });
}

/** Starts the long-lived nvidia-smi and resolves once the first sample of every GPU is in. */
export async function startNvidiaSmiSensor(opts: NvidiaSmiOptions): Promise<Probe<SensorWithNotes>> {
  const command = opts.command ?? 'nvidia-smi';
  const env = cleanEnv(opts.env ?? process.env);
  const now = opts.now ?? Date.now;
  const intervalMs = Math.max(50, Math.round(opts.intervalMs));
  const args = [`--query-gpu=${SMI_QUERY}`, '--format=csv,noheader,nounits', '-lms', String(intervalMs)];
  const { notes, note } = noteList();

  let child: ChildProcess;
  try {
    child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    return unavailable(`${command} could not be started: ${(e as Error).message}`);
  }
  const latest = new Map<string, Latest>();
  const firstBatch = new Map<string, SmiSample>();
  const otherOutput: string[] = [];
  let stderr = '';
  let exited: string | undefined;
  let settle: ((how: 'batch' | 'exit' | 'error' | 'timeout') => void) | undefined;

  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const lines = child.stdout ? createInterface({ input: child.stdout }) : undefined;
  lines?.on('line', (line) => {
    if (line.trim() === '') return;
    const s = parseSmiLine(line);
    if ('error' in s) {
      if (otherOutput.length < 20) otherOutput.push(line.trim());
      return;
    }
    latest.set(s.uuid, s.powerW === undefined ? { atMs: now() } : { powerW: s.powerW, atMs: now() });
    if (settle) {
      // The first batch is complete when a GPU comes round again.
      if (firstBatch.has(s.uuid)) settle('batch');
      else firstBatch.set(s.uuid, s);
    }
  });
  child.on('exit', (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    settle?.('exit');
  });

  const how = await new Promise<'batch' | 'exit' | 'error' | 'timeout'>((resolve) => {
    const timer = setTimeout(() => settle?.('timeout'), opts.startTimeoutMs ?? 15_000);
    settle = (h) => {
      clearTimeout(timer);
      settle = undefined;
      resolve(h);
    };
    child.on('error', (e) => {
      exited = e.message;
      settle?.('error');
    });
  });

  const stop = (): void => {
    lines?.close();
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const said = [...otherOutput, stderr.trim()].filter((s) => s !== '').join(' | ');
  if (how === 'error') {
    const missing = /ENOENT/.test(exited ?? '');
    return unavailable(
      missing
        ? `${command} is not on the PATH: install the NVIDIA driver utilities (or NVML is needed)`
        : `${command} could not be started: ${exited}`,
    );
  }
  if (firstBatch.size === 0) {
    stop();
    const why = how === 'exit' ? `${command} ${exited}` : `${command} printed no GPU line in time`;
    return unavailable(`${why}${said ? `: ${said}` : ''}: check that the NVIDIA driver is loaded`);
  }
  if (how === 'exit') {
    return unavailable(`${command} ${exited} after its first samples${said ? `: ${said}` : ''}`);
  }

  const seen = [...firstBatch.values()].sort((a, b) => a.index - b.index);
  const selector = parseCudaVisibleDevices(env.CUDA_VISIBLE_DEVICES);
  let candidates: VisibleCandidate[] = seen.map((s) => ({
    index: s.index,
    uuid: s.uuid,
    name: s.name,
    migUuids: [],
  }));
  if (selector.kind === 'list' && selector.entries.some((e) => e.kind === 'mig-uuid')) {
    const listed = await listGpus(command, env);
    if (typeof listed === 'string') note(`MIG instances in CUDA_VISIBLE_DEVICES cannot be mapped: ${listed}`);
    else
      candidates = candidates.map((c) => ({
        ...c,
        migUuids: listed.find((l) => l.uuid === c.uuid)?.migUuids ?? [],
      }));
  }
  const visible = resolveVisibleGpus(selector, candidates, env);
  for (const n of visible.notes) note(n);
  const devices: DeviceInfo[] = visible.gpus.flatMap((v) => {
    const s = firstBatch.get(v.uuid);
    if (!s) return [];
    if (s.powerW === undefined) {
      note(`GPU ${s.index} (${s.name}, ${s.uuid}) is not measured: nvidia-smi reports no power.draw for it`);
      return [];
    }
    return [
      {
        id: `nvidia-smi:${s.uuid}`,
        kind: 'gpu',
        name: s.name,
        model: s.name,
        method: 'power',
        provenance: 'measured',
        source:
          `nvidia-smi --query-gpu=power.draw (board power, W) from one long-lived nvidia-smi -lms ${intervalMs}` +
          (v.viaMig.length > 0 ? '; MIG mode: the whole parent GPU is measured' : ''),
      } satisfies DeviceInfo,
    ];
  });
  if (devices.length === 0) {
    stop();
    return unavailable(
      `nvidia-smi runs but no GPU can be measured: ${notes.join('; ') || 'none is visible'}`,
    );
  }
  note('nvidia-smi gives power only and no per-process use: whole-GPU energy is counted for the job');

  const staleAfterMs = Math.max(5 * intervalMs, 5_000);
  let closed = false;
  const sensor: SensorWithNotes = {
    name: 'nvidia-smi',
    devices,
    notes,
    read(context) {
      if (closed) return [];
      if (exited !== undefined) {
        note(`nvidia-smi ${exited}${stderr.trim() ? `: ${stderr.trim()}` : ''}; no GPU power since`);
        return [];
      }
      return devices.flatMap((d): Reading[] => {
        const uuid = d.id.slice('nvidia-smi:'.length);
        const l = latest.get(uuid);
        if (!l || l.powerW === undefined) {
          note(`${d.name} (${uuid}): nvidia-smi reports no power.draw`);
          return [];
        }
        if (context.nowMs - l.atMs > staleAfterMs) {
          note(`${d.name} (${uuid}): nvidia-smi stopped printing samples`);
          return [];
        }
        return [{ deviceId: d.id, powerW: l.powerW }];
      });
    },
    close() {
      if (closed) return;
      closed = true;
      stop();
    },
  };
  return ok(sensor);
}
