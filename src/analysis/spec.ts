/**
 * The estimate spec (DESIGN.md §5.1): a job that was not measured, described in YAML or JSON.
 * Strict at every level: an unknown key is an error, so a typo is never silently ignored.
 * Each rule carries the words the user will read (`must be a positive integer`).
 */
import { z } from 'zod';
import { DEVICE_KINDS, PHASES } from '../core/job.js';

const rule = (words: string) => ({ error: words });

const positiveInt = () => {
  const w = rule('must be a positive integer');
  return z.number(w).int(w).positive(w);
};
const positive = () =>
  z.number(rule('must be a positive number')).positive(rule('must be a positive number'));
const nonNegative = () => z.number(rule('must be a number ≥ 0')).nonnegative(rule('must be a number ≥ 0'));
const share = () => {
  const w = rule('must be a number between 0 and 1');
  return z.number(w).min(0, w).max(1, w);
};

export const HardwareGroupSpecSchema = z.strictObject({
  type: z.enum(DEVICE_KINDS, rule(`must be one of ${DEVICE_KINDS.join(', ')}`)),
  /** Looked up in the hardware table for gpu / accelerator / cpu; a free label otherwise. */
  model: z.string(rule('must be a model name')).min(1, rule('must not be empty')).optional(),
  count: positiveInt().default(1),
  /** Device-hours of the group; overrides count × duration_h. */
  hours: positive().optional(),
  /** Measured average power per device. */
  power_w: nonNegative().optional(),
  /** Measured energy of the whole group; overrides power × hours. */
  energy_kwh: nonNegative().optional(),
  tdp_w: positive().optional(),
  idle_w: nonNegative().optional(),
  /** Average load for the TDP model. */
  utilization: share().optional(),
  /** Per device. */
  embodied_kgco2e: nonNegative().optional(),
  lifetime_years: positive().optional(),
  /** DRAM size per device (GB). */
  capacity_gb: positive().optional(),
  /** Storage size per device (TB). */
  capacity_tb: positive().optional(),
  /** Storage medium. */
  media: z.enum(['ssd', 'hdd'], rule('must be ssd or hdd')).optional(),
});

export const SiteSpecSchema = z.strictObject({
  pue: z
    .number(rule('must be a number ≥ 1'))
    .min(1, rule('must be at least 1 (facility energy ≥ IT energy)'))
    .optional(),
  intensity_gco2e_per_kwh: nonNegative().optional(),
  /** Electricity Maps zone id, ISO-2 or ISO-3 country code. */
  zone: z.string(rule('must be a zone id such as FR or US-CAL-CISO')).min(1).optional(),
  /** Cloud region, `provider:region` (aws:us-east-1). */
  region: z.string(rule('must be a cloud region such as aws:us-east-1')).min(1).optional(),
  /** Year of the annual zone data (default: newest). */
  year: z.number(rule('must be a year such as 2024')).int(rule('must be a whole year')).optional(),
  cfe_fraction: share().optional(),
  residual_intensity_gco2e_per_kwh: nonNegative().optional(),
});

export const EmbodiedSpecSchema = z.strictObject({
  include: z.boolean(rule('must be true or false')).default(true),
  lifetime_years: positive().optional(),
  utilization: z
    .number(rule('must be a number in (0, 1]'))
    .gt(
      0,
      rule('must be greater than 0 (a device that never works carries infinite embodied carbon per hour)'),
    )
    .max(1, rule('must be at most 1'))
    .optional(),
});

export const EstimateSpecSchema = z.strictObject({
  name: z.string(rule('must be text')).optional(),
  phase: z.enum(PHASES, rule(`must be one of ${PHASES.join(', ')}`)).default('training'),
  /** Training only: offline (one-off) or online (continuous re-training). */
  training_type: z.enum(['offline', 'online'], rule('must be offline or online')).optional(),
  duration_h: positive().optional(),
  hardware: z
    .array(HardwareGroupSpecSchema, rule('must be a list of device groups'))
    .min(1, rule('must list at least one device group')),
  site: SiteSpecSchema.default({}),
  embodied: EmbodiedSpecSchema.default({ include: true }),
});

export type EstimateSpec = z.output<typeof EstimateSpecSchema>;
export type HardwareGroupSpec = z.output<typeof HardwareGroupSpecSchema>;
export type SiteSpec = z.output<typeof SiteSpecSchema>;
