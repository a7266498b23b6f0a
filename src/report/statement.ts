/**
 * The carbon impact statement Wu et al. (2022, §V) ask ML papers to carry: one paragraph a
 * researcher can paste (hardware, device-hours, energy at the device and at the facility, where
 * and at what grid intensity, operational carbon both ways, embodied carbon and how it was
 * amortised, the total with its uncertainty, how energy was known), a table by life-cycle phase,
 * and every default that was used with its source (docs/disclosures.md, "Impact statement").
 * Markdown or LaTeX; user text (labels, model names, sources) is escaped for the format.
 */
import { PHASES, type Phase } from '../core/job.js';
import type { Totals } from '../core/price.js';
import type { Provenance } from '../core/provenance.js';
import { processorsUsed } from './model-card.js';
import type { LifecycleReport, ReportItem } from './report-model.js';
import { formatGrams, formatKwh, formatMass, formatNumber } from './units-format.js';

export type StatementFormat = 'md' | 'tex';

export interface StatementOptions {
  /** What the work was for (`T5-base`); default: the report's model filter or its items' models. */
  readonly subject?: string;
  /** Sensors that measured the runs (`NVML`, `RAPL`). */
  readonly sensors?: readonly string[];
  /** Declared amortisation inputs; defaults used are read from the report's defaults. */
  readonly embodied?: { readonly lifetimeYears?: number; readonly utilization?: number };
}

// ── escaping ────────────────────────────────────────────────────────────────────────────────────

const TEX: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  _: '\\_',
  '#': '\\#',
  $: '\\$',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
  '×': '$\\times$',
  '–': '--',
  '—': '---',
  '≈': '$\\approx$',
  '≥': '$\\geq$',
  '≤': '$\\leq$',
  '±': '$\\pm$',
  '−': '$-$',
  µ: '$\\mu$',
  '’': "'",
  '‘': '`',
};

/** LaTeX text: the ten special characters and a few common non-ASCII signs made safe for pdfLaTeX. */
export const escapeTex = (text: string): string =>
  text.replace(/[\\{}%&_#$~^<>|×–—≈≥≤±−µ’‘]/g, (c) => TEX[c] ?? c).replace(/CO2e/g, 'CO$_2$e');

/** Markdown text: characters that would start emphasis, code, links, HTML or a table cell. */
export const escapeMd = (text: string): string =>
  text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\n/g, ' ');

// ── the figures in words ────────────────────────────────────────────────────────────────────────

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const PHASE_WORDS: Record<Phase, string> = {
  data: 'data processing',
  experimentation: 'experimentation',
  training: 'training',
  inference: 'inference',
};

function activity(items: readonly ReportItem[]): string {
  const phases = PHASES.filter((p) => items.some((i) => i.phase === p));
  const online = items.some((i) => i.phase === 'training' && i.trainingType === 'online');
  return joinWords(phases.map((p) => (p === 'training' && online ? 'online training' : PHASE_WORDS[p])));
}

function subjectOf(report: LifecycleReport, options: StatementOptions): string | undefined {
  if (options.subject) return options.subject;
  if (report.filters.model) return report.filters.model;
  const models = distinct(report.items.flatMap((i) => (i.model ? [i.model] : [])));
  if (models.length > 0) return joinWords(models);
  return report.filters.project ?? joinWords(distinct(report.items.map((i) => i.project)));
}

/** `8 × NVIDIA A100 SXM4 80GB (1,920 device-hours)`, processors only, accelerators first. */
function hardwarePhrase(items: readonly ReportItem[]): string | undefined {
  const processors = processorsUsed(items);
  if (processors.length === 0) return undefined;
  return joinWords(
    processors.map((p) => `${p.count} × ${p.label} (${formatNumber(p.deviceHours)} device-hours)`),
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** How many runs or entries (not items: a run split by phase is one run) match. */
const sources = (items: readonly ReportItem[], keep: (i: ReportItem) => boolean): number =>
  new Set(items.filter(keep).map((i) => i.sourceId)).size;

function workPhrase(items: readonly ReportItem[]): string {
  const runs = sources(items, (i) => i.kind === 'run');
  const entries = sources(items, (i) => i.kind === 'entry');
  const wall = items.reduce((s, i) => s + (i.durationHours ?? 0), 0);
  const parts = [runs > 0 ? plural(runs, 'run') : '', entries > 0 ? plural(entries, 'entry', 'entries') : '']
    .filter(Boolean)
    .join(' and ');
  return wall > 0 ? `over ${formatNumber(wall)} h of wall-clock time in ${parts}` : `in ${parts}`;
}

function puePhrase(report: LifecycleReport): string {
  const pues = distinct(report.items.map((i) => i.pue));
  if (pues.length === 1) return `PUE ${formatNumber(pues[0] as number)}`;
  const effective = report.total.energyKwh > 0 ? report.total.facilityEnergyKwh / report.total.energyKwh : 0;
  return `PUE ${formatNumber(Math.min(...pues))}–${formatNumber(Math.max(...pues))}, ${formatNumber(effective)} on average`;
}

function locationSentence(items: readonly ReportItem[]): string {
  const places = new Map<string, { text: string; energy: number }>();
  for (const i of items) {
    const key = `${i.location}|${i.intensityGco2ePerKwh}|${i.intensitySource}`;
    const text = `${i.location} (grid intensity ${formatNumber(i.intensityGco2ePerKwh)} gCO2e/kWh, source: ${i.intensitySource})`;
    const prior = places.get(key);
    places.set(key, { text, energy: (prior?.energy ?? 0) + i.facilityEnergyKwh });
  }
  const sorted = [...places.values()].sort((a, b) => b.energy - a.energy);
  if (sorted.length === 1) return `It was priced at ${sorted[0]?.text}.`;
  const shown = sorted.slice(0, 5).map((p) => p.text);
  const rest = sorted.length - shown.length;
  return `It was priced at ${sorted.length} locations: ${shown.join('; ')}${rest > 0 ? `; and ${plural(rest, 'other')}` : ''}.`;
}

const defaultOf = (defaults: readonly Provenance[], field: string): number | undefined => {
  const found = defaults.find((d) => d.field === field && typeof d.value === 'number');
  return found ? (found.value as number) : undefined;
};

function embodiedSentence(report: LifecycleReport, options: StatementOptions): string {
  const embodied = report.total.embodiedGco2e;
  if (embodied === 0) return 'Embodied emissions of the hardware were not included.';
  const lifetime = options.embodied?.lifetimeYears ?? defaultOf(report.defaults, 'embodied.lifetime_years');
  const utilization = options.embodied?.utilization ?? defaultOf(report.defaults, 'embodied.utilization');
  const how =
    lifetime !== undefined && utilization !== undefined
      ? `amortised over ${formatNumber(lifetime)} years at a fleet utilization of ${formatNumber(utilization * 100)} %`
      : lifetime !== undefined
        ? `amortised over ${formatNumber(lifetime)} years at the declared fleet utilization`
        : utilization !== undefined
          ? `amortised over each device's lifetime at a fleet utilization of ${formatNumber(utilization * 100)} %`
          : "amortised over each device's lifetime and fleet utilization";
  return `Embodied emissions of the hardware (manufacturing), ${how}, were ${formatGrams(embodied)}.`;
}

function basisSentence(report: LifecycleReport, options: StatementOptions): string {
  const items = report.items;
  const measured = sources(items, (i) => i.basis === 'measured');
  const modelled = sources(items, (i) => i.basis === 'modelled');
  const declared = sources(items, (i) => i.basis === 'declared');
  const sensors = options.sensors && options.sensors.length > 0 ? ` with ${joinWords(options.sensors)}` : '';
  const parts: string[] = [];
  if (measured > 0) parts.push(`measured${sensors} for ${plural(measured, 'run')}`);
  if (modelled > 0) {
    parts.push(
      `partly modelled (device power from TDP × load where no sensor was available) for ${plural(modelled, 'run')}`,
    );
  }
  if (declared > 0) parts.push(`declared or imported for ${plural(declared, 'entry', 'entries')}`);
  return parts.length > 0 ? `Energy was ${joinWords(parts)}.` : '';
}

/** The statement paragraph as plain text (escaped per format by the caller). */
export function statementParagraph(report: LifecycleReport, options: StatementOptions = {}): string {
  const items = report.items;
  if (items.length === 0) return 'No runs or entries matched this report, so there is no footprint to state.';
  const t = report.total;
  const u = report.uncertainty.totalGco2e;
  const subject = subjectOf(report, options);
  const hardware = hardwarePhrase(items);
  const work = workPhrase(items);
  const sameMarket = t.operationalGco2e.market === t.operationalGco2e.location;
  const sentences = [
    `${capitalise(activity(items))}${subject ? ` for ${subject}` : ''} used ${hardware ?? 'its hardware'}` +
      `${work ? ` ${work}` : ''}, drawing ${formatKwh(t.energyKwh)} of IT energy ` +
      `(${formatKwh(t.facilityEnergyKwh)} at the facility, ${puePhrase(report)}).`,
    locationSentence(items),
    `Operational emissions were ${formatGrams(t.operationalGco2e.location)} location-based and ` +
      `${formatGrams(t.operationalGco2e.market)} market-based` +
      `${sameMarket ? ' (the same: no carbon-free-energy share or residual mix was given)' : ''}.`,
    embodiedSentence(report, options),
    `The total footprint, location-based operational plus embodied, is ${formatGrams(t.totalGco2e)} ` +
      `(90 % interval ${formatGrams(u.p5)}–${formatGrams(u.p95)}, from ${report.uncertainty.draws.toLocaleString('en-US')} ` +
      `seeded Monte Carlo draws over the input ranges, seed ${report.uncertainty.seed}).`,
    basisSentence(report, options),
    'Accounting by Footprint, operational and embodied over the model life cycle (Wu et al., 2022); method in its docs/methodology.md.',
  ];
  return sentences.filter(Boolean).join(' ');
}

// ── the table and the defaults ──────────────────────────────────────────────────────────────────

const HEADER = [
  'Phase',
  'IT energy',
  'Facility energy',
  'Operational, location-based',
  'Operational, market-based',
  'Embodied',
  'Total',
];

function tableRows(report: LifecycleReport): { rows: string[][]; total: string[] } {
  const cells = (name: string, x: Totals) => [
    name,
    formatKwh(x.energyKwh),
    formatKwh(x.facilityEnergyKwh),
    formatMass(x.operationalGco2e.location),
    formatMass(x.operationalGco2e.market),
    formatMass(x.embodiedGco2e),
    formatMass(x.totalGco2e),
  ];
  const phases = PHASES.filter((p) => report.items.some((i) => i.phase === p));
  return { rows: phases.map((p) => cells(p, report.byPhase[p])), total: cells('Total', report.total) };
}

function defaultValue(d: Provenance): string {
  const unit = d.unit && d.unit !== 'fraction' && d.unit !== 'ratio' ? ` ${d.unit}` : '';
  return `${typeof d.value === 'number' ? formatNumber(d.value, 4) : d.value}${unit}`;
}

const NO_DEFAULTS = 'No defaults were used: every input was measured or declared.';

function markdown(report: LifecycleReport, options: StatementOptions): string {
  const { rows, total } = tableRows(report);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    '## Carbon impact statement',
    '',
    escapeMd(statementParagraph(report, options)),
    '',
    line(HEADER.map((h, i) => (i >= 3 ? `${h} (CO2e)` : h))),
    line(HEADER.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...rows.map((r) => line(r.map(escapeMd))),
    line(total.map((c) => `**${escapeMd(c)}**`)),
    '',
    '### Defaults and sources',
    '',
  ];
  if (report.defaults.length === 0) out.push(NO_DEFAULTS);
  for (const d of report.defaults) {
    out.push(`- \`${d.field.replace(/`/g, "'")}\` = ${escapeMd(defaultValue(d))} — ${escapeMd(d.source)}`);
  }
  out.push('');
  return out.join('\n');
}

/** A field name verbatim in LaTeX when it is plain (`embodied.lifetime_years`), escaped otherwise. */
const texField = (field: string): string =>
  /^[A-Za-z0-9_.[\] -]+$/.test(field) ? `\\texttt{\\detokenize{${field}}}` : `\\texttt{${escapeTex(field)}}`;

function latex(report: LifecycleReport, options: StatementOptions): string {
  const { rows, total } = tableRows(report);
  const line = (cells: readonly string[]) => `    ${cells.join(' & ')} \\\\`;
  const out = [
    '% Carbon impact statement generated by Footprint. The table needs \\usepackage{booktabs}.',
    escapeTex(statementParagraph(report, options)),
    '',
    '\\begin{table}[htbp]',
    '  \\centering',
    `  \\begin{tabular}{l${'r'.repeat(HEADER.length - 1)}}`,
    '    \\toprule',
    line(HEADER.map(escapeTex)),
    '    \\midrule',
    ...rows.map((r) => line(r.map(escapeTex))),
    '    \\midrule',
    line(total.map(escapeTex)),
    '    \\bottomrule',
    '  \\end{tabular}',
    `  \\caption{${escapeTex('Energy and emissions (CO2e) by life-cycle phase, most likely values.')}}`,
    '\\end{table}',
    '',
    '\\paragraph{Defaults and sources.}',
  ];
  if (report.defaults.length === 0) out.push(escapeTex(NO_DEFAULTS));
  else {
    out.push('\\begin{itemize}');
    for (const d of report.defaults) {
      out.push(`  \\item ${texField(d.field)} = ${escapeTex(defaultValue(d))}: ${escapeTex(d.source)}`);
    }
    out.push('\\end{itemize}');
  }
  out.push('');
  return out.join('\n');
}

/** The statement, table and defaults in Markdown or LaTeX. */
export function renderStatement(
  report: LifecycleReport,
  format: StatementFormat,
  options: StatementOptions = {},
): string {
  return format === 'tex' ? latex(report, options) : markdown(report, options);
}
