/**
 * AMD GPU power, best effort, through AMD's command-line tools: `amd-smi` (ROCm 6.1+, preferred)
 * or the older, deprecated `rocm-smi`. Both print JSON:
 *   amd-smi metric --power --json   → [{ "gpu": 0, "power": { "socket_power": {"value": 712, "unit": "W"} | 236 | "N/A", … } }]
 *   rocm-smi --showpower --json     → { "card0": { "Average Graphics Package Power (W)": "412.0" } }
 *                                      (MI300: "Current Socket Graphics Package Power (W)")
 * Names come once at start from `amd-smi static --asic --json` (market_name) or
 * `rocm-smi --showproductname --json` (Card Series).
 *
 * One spawn per poll, in the background, never overlapping, at most once a second; read() serves
 * the latest result without waiting. Why not a watch mode: rocm-smi has none, and `amd-smi metric
 * --watch` counts whole seconds and printed no JSON at all in released versions (ROCm/amdsmi#168,
 * fixed in 2026), so it cannot be relied on across installed ROCm versions.
 *
 * MI200 (MI250/MI250X): one package holds two dies shown as two GPUs; the primary die reports the
 * power of the whole package and the secondary `N/A`. The secondary is therefore not a device of
 * its own, and a note says its power is inside the primary's.
 *
 * Visible devices: HIP honours ROCR_VISIBLE_DEVICES, HIP_VISIBLE_DEVICES and CUDA_VISIBLE_DEVICES;
 * Footprint applies index lists from them (tool order = HIP order, as on single-node ROCm
 * installs) and says so. No per-process attribution: `jobShare` is left out.
 */
import { type ChildProcess, execFile } from 'node:child_process';
import type { DeviceInfo } from '../core/measurement.js';
import { parseCudaVisibleDevices } from './cuda-visible.js';
import { ok, type Probe, type Reading, unavailable } from './sensor.js';
import { noteList, type SensorWithNotes } from './sensor-notes.js';

export type AmdTool = 'amd-smi' | 'rocm-smi';

export interface AmdPower {
  readonly index: number;
  /** Absent where the tool prints N/A (e.g. the secondary die of an MI200). */
  readonly powerW?: number;
  /** The tool's own words where there is no number, e.g. `N/A (Secondary die)`. */
  readonly missing?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: Json | undefined): v is { [key: string]: Json } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON document in a tool's output, skipping warnings printed before it. */
export function jsonOf(text: string): Json | string {
  const start = text.search(/[[{]/);
  if (start < 0) return `no JSON in the output: "${text.trim().slice(0, 200)}"`;
  try {
    return JSON.parse(text.slice(start)) as Json;
  } catch (e) {
    return `malformed JSON: ${(e as Error).message}`;
  }
}

/** A number of watts from `712`, `"412.0"`, `{"value": 712, "unit": "W"}` or mW; else undefined. */
function watts(v: Json | undefined): number | undefined {
  if (isObject(v)) {
    const n = watts(v.value);
    const unit = typeof v.unit === 'string' ? v.unit : 'W';
    if (n === undefined) return undefined;
    return unit === 'mW' ? n / 1000 : unit === 'W' ? n : undefined;
  }
  const n =
    typeof v === 'number' ? v : typeof v === 'string' && /^\s*[\d.]+\s*$/.test(v) ? Number(v) : Number.NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

const ROCM_POWER_KEYS = [
  'Average Graphics Package Power (W)',
  'Current Socket Graphics Package Power (W)',
  'Average Graphics Package Power(W)',
];

/** `rocm-smi --showpower --json`. */
export function parseRocmSmiPower(text: string): AmdPower[] | string {
  const doc = jsonOf(text);
  if (typeof doc === 'string') return doc;
  if (!isObject(doc)) return 'expected an object of cards';
  const out: AmdPower[] = [];
  for (const [card, fields] of Object.entries(doc)) {
    const m = /^card(\d+)$/.exec(card);
    if (!m?.[1] || !isObject(fields)) continue;
    const key = ROCM_POWER_KEYS.find((k) => k in fields);
    const raw = key ? fields[key] : undefined;
    const powerW = watts(raw);
    const index = Number(m[1]);
    out.push(
      powerW === undefined
        ? { index, missing: typeof raw === 'string' ? raw : 'no power field' }
        : { index, powerW },
    );
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The per-GPU array of amd-smi's JSON (a bare array, or wrapped in an object in some versions). */
function amdGpuArray(doc: Json): Json[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (isObject(doc)) return Object.values(doc).find((v): v is Json[] => Array.isArray(v));
  return undefined;
}

/** `amd-smi metric --power --json`. */
export function parseAmdSmiPower(text: string): AmdPower[] | string {
  const doc = jsonOf(text);
  if (typeof doc === 'string') return doc;
  const gpus = amdGpuArray(doc);
  if (!gpus) return 'expected an array of GPUs';
  const out: AmdPower[] = [];
  for (const g of gpus) {
    if (!isObject(g) || typeof g.gpu !== 'number') continue;
    const power = g.power;
    const raw = isObject(power) ? (power.socket_power ?? power.average_socket_power) : undefined;
    const powerW = watts(raw);
    out.push(
      powerW === undefined
        ? { index: g.gpu, missing: typeof raw === 'string' ? raw : 'no socket_power' }
        : { index: g.gpu, powerW },
    );
  }
  return out.sort((a, b) => a.index - b.index);
}

/** GPU names by index from `amd-smi static --asic --json` or `rocm-smi --showproductname --json`. */
export function parseAmdNames(tool: AmdTool, text: string): Map<number, string> {
  const names = new Map<number, string>();
  const doc = jsonOf(text);
  if (typeof doc === 'string') return names;
  if (tool === 'amd-smi') {
    for (const g of amdGpuArray(doc) ?? []) {
      if (
        isObject(g) &&
        typeof g.gpu === 'number' &&
        isObject(g.asic) &&
        typeof g.asic.market_name === 'string'
      ) {
        names.set(g.gpu, g.asic.market_name);
      }
    }
    return names;
  }
  if (!isObject(doc)) return names;
  for (const [card, fields] of Object.entries(doc)) {
    const m = /^card(\d+)$/.exec(card);
    if (!m?.[1] || !isObject(fields)) continue;
    const key = Object.keys(fields).find((k) => k.toLowerCase() === 'card series');
    const name = key ? fields[key] : undefined;
    if (typeof name === 'string' && name.trim()) names.set(Number(m[1]), name.trim());
  }
  return names;
}

const COMMANDS: Record<
  AmdTool,
  { power: string[]; names: string[]; parse: (t: string) => AmdPower[] | string }
> = {
  'amd-smi': {
    power: ['metric', '--power', '--json'],
    names: ['static', '--asic', '--json'],
    parse: parseAmdSmiPower,
  },
  'rocm-smi': {
    power: ['--showpower', '--json'],
    names: ['--showproductname', '--json'],
    parse: parseRocmSmiPower,
  },
};

export interface AmdSensorOptions {
  readonly intervalMs: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Which tools to try, in order (default amd-smi, then rocm-smi). */
  readonly tools?: readonly AmdTool[];
  readonly now?: () => number;
}

const cleanEnv = (env: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));

interface Run {
  readonly child?: ChildProcess;
  readonly done: Promise<{ stdout: string } | { error: string; missing: boolean }>;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Run {
  let child: ChildProcess | undefined;
  const done = new Promise<{ stdout: string } | { error: string; missing: boolean }>((resolve) => {
    child = execFile(
      command,
      args,
      { env, timeout: 30_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
          resolve({ error: `${`${stderr}`.trim() || error.message}`.slice(0, 300), missing });
        } else resolve({ stdout: `${stdout}` });
      },
    );
  });
  return child ? { child, done } : { done };
}

/** Index lists from the HIP/ROCm visibility variables, or undefined when none is set. */
function visibleIndices(
  env: Readonly<Record<string, string | undefined>>,
  notes: string[],
): Set<number> | undefined {
  for (const name of ['ROCR_VISIBLE_DEVICES', 'HIP_VISIBLE_DEVICES', 'CUDA_VISIBLE_DEVICES']) {
    const value = env[name];
    if (value === undefined) continue;
    const parsed = parseCudaVisibleDevices(value);
    if (parsed.kind === 'all') return undefined;
    const indices = new Set<number>();
    for (const e of parsed.entries) {
      if (e.kind !== 'index') {
        notes.push(`${name} entry "${e.text}" is not an index: AMD GPUs are selected by index only`);
        break;
      }
      indices.add(e.index);
    }
    notes.push(
      `${name}=${value}: measuring AMD GPUs ${[...indices].join(', ') || '(none)'} in the tool's order`,
    );
    return indices;
  }
  return undefined;
}

/** Starts background polling of the first AMD tool that answers; resolves after its first answer. */
export async function startAmdSensor(opts: AmdSensorOptions): Promise<Probe<SensorWithNotes>> {
  const env = cleanEnv(opts.env ?? process.env);
  const now = opts.now ?? Date.now;
  const tried: string[] = [];
  for (const tool of opts.tools ?? (['amd-smi', 'rocm-smi'] as const)) {
    const spec = COMMANDS[tool];
    const first = await run(tool, spec.power, env).done;
    if ('error' in first) {
      tried.push(
        first.missing
          ? `${tool} is not on the PATH`
          : `\`${tool} ${spec.power.join(' ')}\` failed: ${first.error}`,
      );
      continue;
    }
    const parsed = spec.parse(first.stdout);
    if (typeof parsed === 'string') {
      tried.push(`\`${tool} ${spec.power.join(' ')}\` printed no power figures (${parsed})`);
      continue;
    }
    const named = await run(tool, spec.names, env).done;
    const names = 'stdout' in named ? parseAmdNames(tool, named.stdout) : new Map<number, string>();
    const sensor = pollingSensor(tool, parsed, names, env, opts.intervalMs, now);
    if (sensor.devices.length > 0) return ok(sensor);
    sensor.close();
    tried.push(
      `${tool} answers but no AMD GPU can be measured (${sensor.notes.join('; ') || 'none listed'})`,
    );
  }
  return unavailable(
    `no AMD GPU tool answered (${tried.join('; ')}): install ROCm's amd-smi (or rocm-smi) to measure AMD GPUs`,
  );
}

function pollingSensor(
  tool: AmdTool,
  first: readonly AmdPower[],
  names: ReadonlyMap<number, string>,
  env: NodeJS.ProcessEnv,
  intervalMs: number,
  now: () => number,
): SensorWithNotes {
  const spec = COMMANDS[tool];
  const { notes, note } = noteList();
  const visible = visibleIndices(env, notes);
  const latest = new Map<number, { powerW?: number; atMs: number }>();
  const take = (rows: readonly AmdPower[]): void => {
    const at = now();
    for (const r of rows)
      latest.set(r.index, r.powerW === undefined ? { atMs: at } : { powerW: r.powerW, atMs: at });
  };
  take(first);
  const devices: DeviceInfo[] = [];
  for (const r of first) {
    if (visible && !visible.has(r.index)) continue;
    const name = names.get(r.index) ?? 'AMD GPU';
    if (r.powerW === undefined) {
      note(
        /secondary/i.test(r.missing ?? '')
          ? `${tool} GPU ${r.index} (${name}) is the secondary die of a two-die package: its power is included in the primary die's reading`
          : `${tool} GPU ${r.index} (${name}) is not measured: ${tool} reports ${r.missing ?? 'no power'}`,
      );
      continue;
    }
    devices.push({
      id: `${tool}:${r.index}`,
      kind: 'gpu',
      name,
      ...(names.has(r.index) ? { model: name } : {}),
      method: 'power',
      provenance: 'measured',
      source: `${tool} ${spec.power.join(' ')} (socket power, W), polled every ${Math.max(1000, intervalMs)} ms`,
    });
  }
  note(`${tool} gives power only and no per-process use: whole-GPU energy is counted for the job`);

  const periodMs = Math.max(1000, intervalMs);
  const staleAfterMs = Math.max(5 * periodMs, 10_000);
  let closed = false;
  let inFlight: Run | undefined;
  let timer: NodeJS.Timeout | undefined;
  const poll = (): void => {
    if (closed) return;
    inFlight = run(tool, spec.power, env);
    void inFlight.done.then((r) => {
      inFlight = undefined;
      if (closed) return;
      if ('error' in r) note(`${tool} failed during the run: ${r.error}`);
      else {
        const rows = spec.parse(r.stdout);
        if (typeof rows === 'string') note(`${tool} printed no power figures during the run: ${rows}`);
        else take(rows);
      }
      timer = setTimeout(poll, periodMs);
      timer.unref();
    });
  };
  if (devices.length > 0) {
    timer = setTimeout(poll, periodMs);
    timer.unref();
  }

  return {
    name: tool,
    devices,
    notes,
    read(context) {
      if (closed) return [];
      return devices.flatMap((d): Reading[] => {
        const index = Number(d.id.slice(tool.length + 1));
        const l = latest.get(index);
        if (!l || l.powerW === undefined) return [];
        if (context.nowMs - l.atMs > staleAfterMs) {
          note(
            `${tool} GPU ${index}: no fresh power figure for ${Math.round((context.nowMs - l.atMs) / 1000)} s`,
          );
          return [];
        }
        return [{ deviceId: d.id, powerW: l.powerW }];
      });
    },
    close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      inFlight?.child?.kill('SIGTERM');
    },
  };
}
