/**
 * Intel/AMD RAPL energy counters through the Linux powercap sysfs (Documentation/power/powercap):
 * one device per package zone (`intel-rapl:N`, name `package-N`) and one per `dram` subzone.
 * `core` and `uncore` subzones are parts of their package and `psys` covers the whole platform
 * including the packages, so they are skipped: nothing is counted twice. Counters wrap at
 * `max_energy_range_uj`; deltas are unfolded here.
 *
 * The root is `FOOTPRINT_POWERCAP_ROOT` (default /sys/class/powercap), so tests run on fixture trees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceInfo } from '../core/measurement.js';
import { ok, type Probe, type Reading, type Sensor, unavailable } from './sensor.js';

export const powercapRoot = (env: Readonly<Record<string, string | undefined>>): string =>
  env.FOOTPRINT_POWERCAP_ROOT ?? '/sys/class/powercap';

interface Zone {
  readonly device: DeviceInfo;
  readonly energyPath: string;
  /** µJ at which the counter wraps to zero. */
  readonly maxRangeUj: number;
}

const PERMISSION_FIX =
  'RAPL energy_uj is readable by root only (Linux ≥ 5.10, CVE-2020-8694): run `sudo chmod a+r /sys/class/powercap/intel-rapl:*/energy_uj /sys/class/powercap/intel-rapl:*:*/energy_uj`, or add a udev rule; until then CPU power is modelled';

function readNumber(path: string): number {
  const text = readFileSync(path, 'utf8').trim();
  return text === '' ? Number.NaN : Number(text); // Number('') is 0, which would look like a wrap
}

function discover(root: string, cpuModel: string | undefined): Zone[] {
  const zones: Zone[] = [];
  const top = readdirSync(root).filter((e) => /^intel-rapl:\d+$/.test(e));
  for (const entry of top.sort()) {
    const dir = join(root, entry);
    const name = readFileSync(join(dir, 'name'), 'utf8').trim();
    if (!name.startsWith('package')) continue; // psys and others overlap the packages
    const zone = (id: string, kind: 'cpu' | 'dram', zoneName: string, zoneDir: string): Zone => ({
      device: {
        id,
        kind,
        name: zoneName,
        ...(kind === 'cpu' && cpuModel ? { model: cpuModel } : {}),
        method: 'counter',
        provenance: 'measured',
        source: `RAPL powercap ${zoneDir.slice(root.length + 1)}/energy_uj`,
      },
      energyPath: join(zoneDir, 'energy_uj'),
      maxRangeUj: readNumber(join(zoneDir, 'max_energy_range_uj')),
    });
    zones.push(zone(`rapl:${name}`, 'cpu', name, dir));
    for (const sub of readdirSync(dir)
      .filter((e) => e.startsWith(`${entry}:`))
      .sort()) {
      const subDir = join(dir, sub);
      const subName = readFileSync(join(subDir, 'name'), 'utf8').trim();
      if (subName === 'dram') zones.push(zone(`rapl:${name}/dram`, 'dram', `${name} dram`, subDir));
    }
  }
  return zones;
}

/** Energy between two counter values, unfolding at most one wrap-around. */
export function counterDelta(previous: number, current: number, maxRange: number): number {
  return current >= previous ? current - previous : current + maxRange - previous;
}

export function probeRapl(root: string, cpuModel?: string): Probe<Sensor> {
  let zones: Zone[];
  try {
    zones = discover(root, cpuModel);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return unavailable(
      code === 'ENOENT'
        ? `no RAPL powercap zones under ${root}`
        : `cannot read ${root} (${code ?? String(e)})`,
    );
  }
  if (zones.length === 0) return unavailable(`no RAPL package zones under ${root}`);
  const previous: number[] = [];
  try {
    for (const z of zones) previous.push(readNumber(z.energyPath));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return unavailable(
      code === 'EACCES' || code === 'EPERM'
        ? PERMISSION_FIX
        : `cannot read RAPL energy_uj (${code ?? String(e)})`,
    );
  }
  if (previous.some((v) => !Number.isFinite(v))) return unavailable('RAPL energy_uj holds no number');
  const totalUj = zones.map(() => 0);
  return ok({
    name: 'rapl',
    devices: zones.map((z) => z.device),
    read(): Reading[] {
      return zones.map((z, i) => {
        try {
          const current = readNumber(z.energyPath);
          if (Number.isFinite(current)) {
            totalUj[i] = (totalUj[i] as number) + counterDelta(previous[i] as number, current, z.maxRangeUj);
            previous[i] = current;
          }
        } catch {
          // A transient read failure keeps the last total: the next read catches up on the counter.
        }
        return { deviceId: z.device.id, energyJ: (totalUj[i] as number) / 1e6 };
      });
    },
    close() {},
  });
}
