/**
 * Footprint's own JSON export: every run and entry of a report as a priced-again-able estimate
 * spec with its identity, so another machine's `footprint import` adds them to its ledger once
 * (the import key is the exporting host and the item id) and prices them the same way.
 */
import { z } from 'zod';
import type { ENTRY_SOURCES, Entry } from '../core/entry.js';
import { FootprintError } from '../core/errors.js';
import { PHASES } from '../core/job.js';
import type { ReportItem } from './report-model.js';

export const EXPORT_FORMAT = 'footprint-export';

const ItemSchema = z.strictObject({
  kind: z.enum(['run', 'entry']),
  id: z.string().min(1),
  label: z.string(),
  project: z.string().min(1),
  model: z.string().optional(),
  phase: z.enum(PHASES),
  training_type: z.enum(['offline', 'online']).optional(),
  start_ms: z.number().finite(),
  basis: z.enum(['measured', 'modelled', 'declared']),
  predictions: z.number().int().nonnegative().optional(),
  /** The estimate spec the item prices from (validated again by the importer). */
  spec: z.record(z.string(), z.unknown()),
  /** Its footprint as priced where it was exported, for comparison. */
  total_gco2e: z.number().finite(),
});

const ExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  host: z.string().min(1),
  exported_ms: z.number().finite(),
  items: z.array(ItemSchema),
});

export interface ExportItem {
  readonly item: ReportItem;
  readonly spec: Readonly<Record<string, unknown>>;
}

export function toFootprintExport(items: readonly ExportItem[], host: string, nowMs: number): string {
  return `${JSON.stringify(
    {
      format: EXPORT_FORMAT,
      version: 1,
      host,
      exported_ms: nowMs,
      items: items.map(({ item, spec }) => ({
        kind: item.kind,
        id: item.id,
        label: item.label,
        project: item.project,
        ...(item.model ? { model: item.model } : {}),
        phase: item.phase,
        ...(item.trainingType ? { training_type: item.trainingType } : {}),
        start_ms: item.startMs,
        basis: item.basis,
        ...(item.predictions !== undefined ? { predictions: item.predictions } : {}),
        spec,
        total_gco2e: item.totalGco2e,
      })),
    },
    null,
    2,
  )}\n`;
}

/** Entries for every exported item; `makeId` names them in the importing ledger. */
export function parseFootprintExport(text: string, file: string, makeId: () => string): Entry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new FootprintError('parse_error', `${file}: malformed JSON (${(e as Error).message})`);
  }
  const parsed = ExportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new FootprintError(
      'parse_error',
      `${file}: not a Footprint export: ${issue?.path.join('.') || 'file'} ${issue?.message}`,
    );
  }
  const source: (typeof ENTRY_SOURCES)[number] = 'footprint';
  return parsed.data.items.map((x) => ({
    id: makeId(),
    project: x.project,
    ...(x.model ? { model: x.model } : {}),
    phase: x.phase,
    ...(x.training_type ? { trainingType: x.training_type } : {}),
    label: x.label,
    atMs: x.start_ms,
    source,
    importKey: `footprint:${parsed.data.host}:${x.id}`,
    spec: x.spec,
    ...(x.predictions !== undefined ? { predictions: x.predictions } : {}),
    attrs: { exported_basis: x.basis, exported_total_gco2e: String(x.total_gco2e) },
  }));
}
