/**
 * The shape of a hardware reference row. Rows are typed in by hand from vendor spec sheets and
 * published methods, one source per figure, and validated once when the table loads.
 */
import { z } from 'zod';

export const DEVICE_TYPES = ['gpu', 'cpu', 'dram', 'storage', 'network', 'server', 'accelerator'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

const positive = z.number().positive().finite();
const source = z.string().min(8);

/** A processor: GPU, TPU or other accelerator, or a server CPU (one row per package / socket). */
export const ChipRowSchema = z
  .object({
    /** Stable slug: lower-case, dashes (`nvidia-a100-sxm4-80gb`). */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** The marketing name users type (`NVIDIA A100 SXM4 80GB`). */
    name: z.string().min(2),
    /** Other spellings people use (`A100 80GB`, `a100-sxm4-80gb`). */
    aliases: z.array(z.string().min(2)).default([]),
    type: z.enum(['gpu', 'accelerator', 'cpu']),
    vendor: z.string().min(2),
    /** Launch year. */
    year: z.number().int().min(2010).max(2030),
    /** Board power / TDP / max TGP per device, W. */
    tdp_w: positive,
    /** Measured or published idle power per device, W, where a source gives one. */
    idle_w: positive.optional(),
    /** CPU cores per package, or accelerator cores where meaningful. */
    cores: z.number().int().positive().optional(),
    threads: z.number().int().positive().optional(),
    /** On-package / on-board memory (HBM, GDDR), GB. */
    memory_gb: positive.optional(),
    /** Total silicon die area of the compute dies, mm². */
    die_area_mm2: positive.optional(),
    process_nm: positive.optional(),
    /** Cradle-to-gate embodied footprint per device, kgCO2e. */
    embodied_kgco2e: positive,
    /** Where the embodied figure comes from: a published figure, or the method and its inputs. */
    embodied_source: source,
    /** Where tdp_w (and idle_w) come from: spec sheet title or URL. */
    source,
  })
  .strict();

export type ChipRowInput = z.input<typeof ChipRowSchema>;
export type ChipRow = z.output<typeof ChipRowSchema>;
