/**
 * Splits a run's energy by life-cycle phase. `footprint mark --phase P` switches the phase from
 * that instant on; each sample's energy is shared among the phases its interval overlaps, in
 * proportion to the overlap, so the phases always sum to the run (no sample is lost or doubled).
 */
import type { Phase } from './job.js';
import type { EnergySample, Marker } from './measurement.js';

export interface PhaseInterval {
  readonly phase: Phase;
  readonly fromMs: number;
  readonly toMs: number;
}

export function phaseIntervals(
  startMs: number,
  endMs: number,
  initial: Phase,
  markers: readonly Marker[],
): PhaseInterval[] {
  const switches = markers
    .filter((m): m is Marker & { phase: Phase } => m.phase !== undefined)
    .sort((a, b) => a.atMs - b.atMs);
  const intervals: PhaseInterval[] = [];
  let phase = initial;
  let from = startMs;
  for (const s of switches) {
    const at = Math.min(Math.max(s.atMs, startMs), endMs);
    if (at > from) intervals.push({ phase, fromMs: from, toMs: at });
    phase = s.phase;
    from = Math.max(from, at);
  }
  if (endMs > from || intervals.length === 0)
    intervals.push({ phase, fromMs: from, toMs: Math.max(from, endMs) });
  return intervals;
}

export interface DeviceEnergyJ {
  energyJ: number;
  attributedJ: number;
}

/** Energy per phase per device. Samples outside every interval go to the nearest phase. */
export function splitByPhase(
  samples: readonly EnergySample[],
  intervals: readonly PhaseInterval[],
): Map<Phase, Map<string, DeviceEnergyJ>> {
  const out = new Map<Phase, Map<string, DeviceEnergyJ>>();
  const add = (phase: Phase, deviceId: string, share: number, s: EnergySample) => {
    const byDevice = out.get(phase) ?? new Map<string, DeviceEnergyJ>();
    const e = byDevice.get(deviceId) ?? { energyJ: 0, attributedJ: 0 };
    e.energyJ += s.energyJ * share;
    e.attributedJ += s.attributedJ * share;
    byDevice.set(deviceId, e);
    out.set(phase, byDevice);
  };
  const first = intervals[0];
  const last = intervals[intervals.length - 1];
  if (!first || !last) return out;
  for (const s of samples) {
    const length = s.endMs - s.startMs;
    let assigned = 0;
    for (const iv of intervals) {
      const overlap = Math.min(s.endMs, iv.toMs) - Math.max(s.startMs, iv.fromMs);
      if (length > 0 && overlap > 0) {
        add(iv.phase, s.deviceId, overlap / length, s);
        assigned += overlap / length;
      }
    }
    // What falls outside the run's interval (clock skew at the edges) stays with the edge phase.
    if (assigned < 1 - 1e-12)
      add(s.startMs < first.fromMs ? first.phase : last.phase, s.deviceId, 1 - assigned, s);
  }
  return out;
}
