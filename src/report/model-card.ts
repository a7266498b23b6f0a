/**
 * Hugging Face model-card metadata: the `co2_eq_emissions` block of a README's YAML front matter
 * (https://huggingface.co/docs/hub/model-cards-co2: `emissions` in grams, `source`,
 * `training_type`, `geographical_location`, `hardware_used`), and the edit that writes it into a
 * README while keeping every other byte of the file (docs/disclosures.md, "Model card").
 */
import { isMap, parseDocument, stringify } from 'yaml';
import { FootprintError } from '../core/errors.js';
import { PHASES } from '../core/job.js';
import type { LifecycleReport, ReportItem } from './report-model.js';

/** The Hub's `co2_eq_emissions` mapping; keys as the Hub spells them. */
export interface CardCo2 {
  /** Grams CO2e, rounded to the milligram. */
  readonly emissions: number;
  readonly source: string;
  /** `pre-training`, `fine-tuning`, … (the Hub's words), or Footprint's phases when not given. */
  readonly training_type: string;
  readonly geographical_location: string;
  readonly hardware_used: string;
}

export interface CardOptions {
  /** The Hub's `pre-training` / `fine-tuning`; default: the report's phases in words. */
  readonly trainingType?: string;
  /** As granular as you can (`Quebec, Canada`); default: the items' locations. */
  readonly location?: string;
  /** Overrides the generated `source` text. */
  readonly source?: string;
  /** Sensors that measured the runs (`NVML`, `RAPL`), for the source text. */
  readonly sensors?: readonly string[];
  /** `total` (default): location-based operational + embodied; `operational`: location-based only. */
  readonly emissions?: 'total' | 'operational';
}

const PROCESSOR_KINDS = new Set(['gpu', 'accelerator', 'cpu']);

/** Processors the items held, the most of each model any one item held, accelerators first. */
export function processorsUsed(
  items: readonly ReportItem[],
): { label: string; count: number; deviceHours: number }[] {
  const most = new Map<string, { count: number; rank: number; deviceHours: number }>();
  for (const item of items) {
    for (const h of item.hardware) {
      if (!PROCESSOR_KINDS.has(h.kind)) continue;
      const prior = most.get(h.label);
      most.set(h.label, {
        count: Math.max(prior?.count ?? 0, h.count),
        rank: h.kind === 'cpu' ? 1 : 0,
        deviceHours: (prior?.deviceHours ?? 0) + h.deviceHours,
      });
    }
  }
  return [...most]
    .sort((a, b) => a[1].rank - b[1].rank || a[0].localeCompare(b[0]))
    .map(([label, { count, deviceHours }]) => ({ label, count, deviceHours }));
}

/** `8 x NVIDIA A100 SXM4 80GB, 2 x AMD EPYC 7763`, as model cards write it. */
export const hardwareUsed = (items: readonly ReportItem[]): string =>
  processorsUsed(items)
    .map((p) => `${p.count} x ${p.label}`)
    .join(', ');

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

function phaseWords(items: readonly ReportItem[]): string {
  const phases = PHASES.filter((p) => items.some((i) => i.phase === p));
  const online = items.some((i) => i.phase === 'training' && i.trainingType === 'online');
  const words = phases.map((p) => (p === 'training' && online ? 'training (online)' : p));
  return words.length > 0 ? words.join(', ') : 'none';
}

function sourceText(
  items: readonly ReportItem[],
  options: CardOptions,
  emissions: 'total' | 'operational',
): string {
  const bases = new Set(items.map((i) => i.basis));
  const sensors = options.sensors && options.sensors.length > 0 ? options.sensors.join(' and ') : undefined;
  const how =
    bases.size === 1 && bases.has('measured')
      ? `measured${sensors ? ` with ${sensors}` : ''}`
      : bases.has('declared') && !bases.has('measured') && !bases.has('modelled')
        ? 'estimated from declared hardware and energy'
        : `measured${sensors ? ` with ${sensors}` : ''} where possible, power of some devices modelled or declared`;
  const what =
    emissions === 'total'
      ? 'location-based operational + amortised embodied emissions'
      : 'location-based operational emissions';
  return `Footprint: ${how}; ${what}`;
}

/** The `co2_eq_emissions` block for a report (the caller filters the report to the model). */
export function co2Block(report: LifecycleReport, options: CardOptions = {}): CardCo2 {
  const basis = options.emissions ?? 'total';
  const grams = basis === 'total' ? report.total.totalGco2e : report.total.operationalGco2e.location;
  const locations = distinct(report.items.map((i) => i.location));
  return {
    emissions: Math.round(grams * 1000) / 1000,
    source: options.source ?? sourceText(report.items, options, basis),
    training_type: options.trainingType ?? phaseWords(report.items),
    geographical_location: options.location ?? (locations.length > 0 ? locations.join('; ') : 'unknown'),
    hardware_used: hardwareUsed(report.items),
  };
}

// ── README front matter ─────────────────────────────────────────────────────────────────────────

const KEY = 'co2_eq_emissions';

interface FrontMatter {
  /** Offset of the first byte of the YAML (after `---` and its line break). */
  readonly start: number;
  /** Offset of the closing `---` line. */
  readonly end: number;
  readonly eol: string;
}

function findFrontMatter(text: string, file: string): FrontMatter | undefined {
  const open = /^(?:\uFEFF)?---[ \t]*(\r?\n)/.exec(text);
  if (!open) return undefined;
  const eol = open[1] as string;
  const start = open[0].length;
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  let at = start;
  while (at <= text.length) {
    const m = close.exec(text.slice(at));
    if (!m) break;
    const end = at + m.index;
    if (end === start || text[end - 1] === '\n') return { start, end, eol };
    at = end + 1;
  }
  throw new FootprintError(
    'parse_error',
    `${file}:1: the front matter opened by --- is never closed; add a line with --- after it`,
  );
}

const lineStart = (text: string, at: number): number => text.lastIndexOf('\n', at - 1) + 1;

/** Moves `at` (a line start) back over blank and column-0 comment lines: they belong to what follows. */
function backOverLeadingLines(text: string, at: number, floor: number): number {
  let cut = at;
  while (cut > floor) {
    const prev = lineStart(text, cut - 1);
    const line = text.slice(prev, cut).replace(/\r?\n$/, '');
    if (line.trim() === '' || line.startsWith('#')) cut = prev;
    else break;
  }
  return cut;
}

function render(block: CardCo2, eol: string): string {
  return stringify({ [KEY]: { ...block } }, { lineWidth: 0 }).replace(/\r?\n/g, eol);
}

function fail(file: string, what: string): never {
  throw new FootprintError(
    'parse_error',
    `${file}: the front matter ${what}; fix the YAML between the --- lines`,
  );
}

/** The new front matter text, by the smallest edit that sets `co2_eq_emissions`. */
function editFrontMatter(yamlText: string, block: CardCo2, eol: string, file: string): string {
  const doc = parseDocument(yamlText, { keepSourceTokens: false });
  if (doc.errors.length > 0) fail(file, `is not valid YAML (${doc.errors[0]?.message.split('\n')[0]})`);
  const rendered = render(block, eol);
  const contents = doc.contents;
  if (contents === null) {
    const sep = yamlText === '' || yamlText.endsWith('\n') ? '' : eol;
    return `${yamlText}${sep}${rendered}`;
  }
  if (!isMap(contents)) fail(file, 'is not a mapping of keys to values');
  if (contents.flow) {
    if (contents.items.length === 0 && contents.range) {
      const [from, to] = contents.range;
      return yamlText.slice(0, from) + rendered.replace(/\r?\n$/, '') + yamlText.slice(to);
    }
    // A non-empty flow mapping cannot take a block key in place: let the YAML library rewrite it.
    doc.set(KEY, { ...block });
    return doc.toString({ lineWidth: 0 }).replace(/\r?\n/g, eol);
  }
  const pairs = contents.items;
  const index = pairs.findIndex((p) => (p.key as { value?: unknown } | null)?.value === KEY);
  if (index < 0) {
    const end = backOverLeadingLines(yamlText, yamlText.length, 0);
    const sep = end === 0 || yamlText[end - 1] === '\n' ? '' : eol;
    return yamlText.slice(0, end) + sep + rendered + yamlText.slice(end);
  }
  const key = pairs[index]?.key as { range?: [number, number, number] } | null;
  const next = pairs[index + 1]?.key as { range?: [number, number, number] } | null | undefined;
  if (!key?.range) fail(file, `has a ${KEY} key the YAML library cannot locate`);
  const from = lineStart(yamlText, key.range[0]);
  const nextStart = next?.range ? lineStart(yamlText, next.range[0]) : yamlText.length;
  const to = backOverLeadingLines(yamlText, nextStart, from + 1);
  return yamlText.slice(0, from) + rendered + yamlText.slice(to);
}

/**
 * Sets `co2_eq_emissions` in a README's front matter (`---` … `---` at the very start) and
 * changes nothing else: other keys, their comments, order and quoting, and the whole body stay
 * byte for byte. A README without front matter gets one at the top. Writing the same block twice
 * gives the same file.
 */
export function writeCardFrontMatter(readme: string, block: CardCo2, file = 'README.md'): string {
  const fm = findFrontMatter(readme, file);
  if (!fm) {
    const eol = /\r\n/.test(readme) ? '\r\n' : '\n';
    return `---${eol}${render(block, eol)}---${eol}${readme}`;
  }
  const before = readme.slice(fm.start, fm.end);
  const after = editFrontMatter(before, block, fm.eol, file);
  check(before, after, block, file);
  return readme.slice(0, fm.start) + after + readme.slice(fm.end);
}

/** The edit must keep every other key's value and set ours: a guard against a bad splice. */
function check(before: string, after: string, block: CardCo2, file: string): void {
  const old = (parseDocument(before).toJS() ?? {}) as Record<string, unknown>;
  const doc = parseDocument(after);
  const now = (doc.toJS() ?? {}) as Record<string, unknown>;
  const { [KEY]: written, ...rest } = now;
  const { [KEY]: _replaced, ...kept } = old;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (doc.errors.length > 0 || !same(written, { ...block }) || !same(rest, kept)) {
    throw new FootprintError(
      'internal',
      `${file}: writing ${KEY} would change other front matter; the file was left as it was`,
    );
  }
}
