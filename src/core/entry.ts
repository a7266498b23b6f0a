/**
 * A declared entry: a footprint Footprint did not measure — an inference fleet's monthly energy,
 * a storage volume for the data phase, a CodeCarbon run imported from elsewhere. It is kept as an
 * estimate spec (DESIGN.md §5.1) and priced exactly like one, so runs and entries share one method.
 */
import type { Phase } from './job.js';

export const ENTRY_SOURCES = ['declared', 'codecarbon', 'footprint'] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export interface Entry {
  /** `e…`, made by the caller. */
  readonly id: string;
  readonly project: string;
  readonly model?: string;
  readonly phase: Phase;
  readonly trainingType?: 'offline' | 'online';
  /** What it is, for people: `inference fleet, November`, `CodeCarbon run 5b0fa12a`. */
  readonly label: string;
  /** When the work started, epoch ms. */
  readonly atMs: number;
  readonly source: EntrySource;
  /** Identity of an imported row (`codecarbon:<run_id>`, `footprint:<host>:<run id>`): importing it again adds nothing. */
  readonly importKey?: string;
  /** The estimate spec the entry is priced from (validated by the caller before it is stored). */
  readonly spec: Readonly<Record<string, unknown>>;
  /** Predictions served, for inference per 1,000 predictions. */
  readonly predictions?: number;
  readonly attrs: Readonly<Record<string, string>>;
}
