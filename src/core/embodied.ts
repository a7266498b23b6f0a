/**
 * Embodied carbon: the manufacturing footprint of the hardware a job held, amortised over the
 * hardware's useful life.
 *
 * M = EC × h_used / (L_h × u)
 *
 * The Green Software Foundation SCI specification (ISO/IEC 21031:2024) gives
 * M = TE × (TiR / EL) × (RR / ToR); Wu et al. 2022 (Sustainable AI, §III-B and §IV) argue that
 * utilization decides how much embodied carbon each useful hour carries. Here TiR/EL becomes
 * device-hours over lifetime hours and the fleet utilization u makes idle time explicit: a fleet that
 * does useful work 50 % of the time puts twice the embodied carbon on each useful hour.
 */
import { FootprintError } from './errors.js';
import type { GramsCo2e, Hours } from './units.js';

export interface EmbodiedInput {
  /** Cradle-to-gate footprint of one device. */
  readonly embodiedPerDevice: GramsCo2e;
  /** Device-hours the job held (count × wall-clock hours). */
  readonly deviceHours: Hours;
  /** Lifetime of one device in hours. */
  readonly lifetime: Hours;
  /** Share of its life the device does useful work, in (0, 1]. */
  readonly utilization: number;
}

export function embodiedShare(input: EmbodiedInput): GramsCo2e {
  const { embodiedPerDevice, deviceHours, lifetime, utilization } = input;
  if (!(lifetime > 0))
    throw new FootprintError('invalid_value', `lifetime must be positive, got ${lifetime} h`);
  if (!(utilization > 0 && utilization <= 1)) {
    throw new FootprintError('invalid_value', `utilization must be in (0, 1], got ${utilization}`);
  }
  return ((embodiedPerDevice * deviceHours) / (lifetime * utilization)) as GramsCo2e;
}
