/**
 * What one sample batch adds to `device_totals`: its samples summed per device in JS (a batch has
 * few devices), so that a backend writes one upsert row per device instead of one per sample.
 */
import type { EnergySample } from '../core/measurement.js';

export interface DeviceSums<K> {
  readonly deviceKey: K;
  energyJ: number;
  attributedJ: number;
  count: number;
  /** Earliest sample start. */
  firstMs: number;
  /** Latest sample end. */
  lastMs: number;
}

/** Adds sample `s`, of the device with key `deviceKey`, to `sums` (one entry per device). */
export function addToSums<K>(sums: Map<K, DeviceSums<K>>, deviceKey: K, s: EnergySample): void {
  let t = sums.get(deviceKey);
  if (t === undefined) {
    t = { deviceKey, energyJ: 0, attributedJ: 0, count: 0, firstMs: s.startMs, lastMs: s.endMs };
    sums.set(deviceKey, t);
  }
  t.energyJ += s.energyJ;
  t.attributedJ += s.attributedJ;
  t.count++;
  if (s.startMs < t.firstMs) t.firstMs = s.startMs;
  if (s.endMs > t.lastMs) t.lastMs = s.endMs;
}
