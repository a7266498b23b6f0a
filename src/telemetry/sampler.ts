/**
 * The sampler: reads every sensor once per interval and turns readings into energy per device
 * per interval. Counter deltas are exact (the counter integrates for us); power samples are
 * integrated by the trapezoid rule between consecutive readings. The clock is the caller's (tests
 * drive it), and nothing here sleeps or schedules.
 */
import type { DeviceInfo, EnergySample } from '../core/measurement.js';
import type { Attribution, Shares } from './attribution.js';
import type { Reading, Sensor } from './sensor.js';

interface Last {
  readonly atMs: number;
  readonly energyJ?: number;
  readonly powerW?: number;
}

export interface Sampler {
  readonly devices: readonly DeviceInfo[];
  /** Reads all sensors at `nowMs` and returns the energy of each device since the last tick. */
  tick(nowMs: number): EnergySample[];
  /** The most recent power per device, W (for live status lines and gauges). */
  readonly powerW: ReadonlyMap<string, number>;
}

/** ∫ P dt over [t0, t1] from the two end samples (trapezoid rule), in joules. */
export const trapezoidJ = (p0: number, p1: number, dtMs: number): number => ((p0 + p1) / 2) * (dtMs / 1000);

export function createSampler(
  sensors: readonly Sensor[],
  startMs: number,
  attribution?: Attribution,
): Sampler {
  const devices = sensors.flatMap((s) => s.devices);
  const kindOf = new Map(devices.map((d) => [d.id, d.kind]));
  const last = new Map<string, Last>();
  const powerW = new Map<string, number>();
  let shares: Shares | undefined = attribution?.sample();
  const jobPids = (): ReadonlySet<number> => shares?.pids ?? new Set<number>();

  const read = (nowMs: number): Reading[] => sensors.flatMap((s) => s.read({ nowMs, jobPids: jobPids() }));
  for (const r of read(startMs)) last.set(r.deviceId, { atMs: startMs, ...r });

  return {
    devices,
    powerW,
    tick(nowMs: number): EnergySample[] {
      shares = attribution?.sample() ?? shares;
      const samples: EnergySample[] = [];
      for (const r of read(nowMs)) {
        const previous = last.get(r.deviceId);
        last.set(r.deviceId, { atMs: nowMs, ...r });
        if (!previous || nowMs <= previous.atMs) continue;
        const dtMs = nowMs - previous.atMs;
        let energyJ: number | undefined;
        if (r.energyJ !== undefined && previous.energyJ !== undefined)
          energyJ = Math.max(0, r.energyJ - previous.energyJ);
        else if (r.powerW !== undefined && previous.powerW !== undefined)
          energyJ = trapezoidJ(previous.powerW, r.powerW, dtMs);
        if (energyJ === undefined) continue;
        powerW.set(r.deviceId, r.powerW ?? (energyJ * 1000) / dtMs);
        const kind = kindOf.get(r.deviceId);
        // GPUs without per-process data count whole: a dedicated GPU is the common case.
        const share =
          r.jobShare ?? (kind === 'cpu' ? shares?.cpu : kind === 'dram' ? shares?.memory : undefined) ?? 1;
        samples.push({
          deviceId: r.deviceId,
          startMs: previous.atMs,
          endMs: nowMs,
          energyJ,
          attributedJ: energyJ * share,
        });
      }
      return samples;
    },
  };
}
