/**
 * The processor catalog: accelerators and server CPUs, validated once at load and frozen, with
 * lookup by id, name or alias (case, spaces and punctuation folded) and "did you mean" suggestions.
 */
import { FootprintError } from '../../core/errors.js';
import { closestNames, normalizeName } from '../../core/suggest.js';
import { ACCELERATORS } from './accelerators.js';
import { CPUS } from './cpus.js';
import { type ChipRow, ChipRowSchema } from './schema.js';

function load(): readonly ChipRow[] {
  const rows = [...ACCELERATORS, ...CPUS].map((input, i) => {
    const parsed = ChipRowSchema.safeParse(input);
    if (!parsed.success) {
      throw new FootprintError(
        'internal',
        `hardware table row ${i} (${input.id}): ${parsed.error.issues[0]?.message}`,
      );
    }
    return Object.freeze(parsed.data);
  });
  return Object.freeze(rows);
}

export const CHIPS: readonly ChipRow[] = load();

/** Every spelling a row answers to, normalised. The vendor prefix is optional (`A100 SXM4 80GB`). */
export function spellings(row: ChipRow): string[] {
  const names = [row.id, row.name, ...row.aliases].map(normalizeName);
  const vendor = normalizeName(row.vendor);
  const withoutVendor = names
    .filter((n) => n.startsWith(`${vendor} `))
    .map((n) => n.slice(vendor.length + 1));
  return [...new Set([...names, ...withoutVendor])];
}

const INDEX: ReadonlyMap<string, ChipRow> = (() => {
  const index = new Map<string, ChipRow>();
  for (const row of CHIPS) {
    for (const key of spellings(row)) {
      const other = index.get(key);
      if (other && other !== row) {
        throw new FootprintError('internal', `hardware table: "${key}" names both ${other.id} and ${row.id}`);
      }
      index.set(key, row);
    }
  }
  return index;
})();

export const findChip = (query: string): ChipRow | undefined => INDEX.get(normalizeName(query));

/** Suggestions for a name that matched nothing. */
export const nearestChips = (query: string): string[] =>
  closestNames(
    query,
    CHIPS.map((r) => r.name),
  );

/** Rows whose names contain every word of `text` (all rows for empty text). */
export function searchChips(text = ''): ChipRow[] {
  const words = normalizeName(text).split(' ').filter(Boolean);
  return CHIPS.filter((row) => {
    const hay = `${spellings(row).join(' ')} ${row.type}`;
    return words.every((w) => hay.includes(w));
  });
}

/**
 * Lookup by the name a machine reports (/proc/cpuinfo `model name`, NVML device name), which
 * carries noise the table leaves out: `Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz`,
 * `AMD EPYC 7763 64-Core Processor`.
 */
const byReportedName = new Map<string, ChipRow | undefined>();

export function findChipByReportedName(reported: string): ChipRow | undefined {
  // Reports look the same few names up thousands of times: remember the answers.
  if (byReportedName.has(reported)) return byReportedName.get(reported);
  const found = lookupReportedName(reported);
  byReportedName.set(reported, found);
  return found;
}

function lookupReportedName(reported: string): ChipRow | undefined {
  const exactMatch = findChip(reported);
  if (exactMatch) return exactMatch;
  const cleaned = reported
    .replace(/\((R|TM|tm|r)\)/g, ' ')
    .replace(/@\s*[\d.]+\s*GHz/i, ' ')
    .replace(/\b\d+-Core\b/i, ' ')
    .replace(/\b(CPU|Processor)\b/gi, ' ');
  return findChip(cleaned);
}
