/**
 * The HTML report's charts, drawn on the server as static SVG with Observable Plot over a linkedom
 * document: no script, no font, nothing to load. Each chart comes back as SVG markup plus a legend
 * (entries with colours and values) that the page writes as HTML, and a text summary for screen
 * readers. Values are scaled for people (g → kg → t, W → kW) per chart, from the largest value shown.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { PHASES, type Phase } from '../core/job.js';
import type { LifecycleReport, PaperSplit, PowerSeries } from './report-model.js';
import { formatGrams, formatShare, formatWatts, GRAM_STEPS, unitFor, WATT_STEPS } from './units-format.js';

/** Fits the text column of an A4 page (180 mm at 96 px/in ≈ 680 px); the page scales it down further. */
export const CHART_WIDTH = 680;
/** At most this many runs get a line in the power chart; the page says how many were left out. */
export const MAX_POWER_RUNS = 12;
/** Points per run after bucket averaging; enough for a 680 px wide chart, small enough for the file. */
const MAX_POINTS_PER_RUN = 400;

export const OPERATIONAL_COLOR = '#3b6cc4';
export const MARKET_COLOR = '#7fa3e0';
export const EMBODIED_COLOR = '#e0962b';
/** Phase colours stay clear of the operational blue and embodied amber, and carry white text. */
const PHASE_COLORS: Readonly<Record<Phase, string>> = {
  data: '#4f8f3f',
  experimentation: '#8e5ea2',
  training: '#c0504d',
  inference: '#2b8a87',
};
/** For parts that are not a single phase (a paper's `experimentation+training`). */
const EXTRA_COLORS = ['#8c6d4f', '#6b6b6b', '#b5651d', '#4a5a8c'];
/** Twelve colours that stay apart on white and on paper (after Tableau 10, two added). */
const RUN_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#59a14f',
  '#b07aa1',
  '#76b7b2',
  '#edc948',
  '#9c755f',
  '#ff9da7',
  '#2f4b7c',
  '#7f7f7f',
  '#a0cbe8',
];

export type ChartName = 'phase-breakdown' | 'operational-embodied' | 'power-over-time';

export interface LegendEntry {
  readonly label: string;
  readonly color: string;
  /** Shown after the label: a value, a share, a run's mean power. */
  readonly detail?: string;
}

export interface LegendGroup {
  /** What the entries colour, when a chart has more than one group (`Bars`, `Shares`). */
  readonly title?: string;
  readonly entries: readonly LegendEntry[];
}

export interface Chart {
  readonly name: ChartName;
  /** SVG markup; the page adds role, aria-label and data-chart. */
  readonly svg: string;
  /** One or two sentences that say what the chart shows, with its numbers, for screen readers. */
  readonly summary: string;
  readonly legend: readonly LegendGroup[];
}

function newDocument() {
  return parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document;
}

/** Plot's options shared by every chart: our document, our width, the page's font. */
function basePlot(options: Plot.PlotOptions): string {
  const svg = Plot.plot({
    document: newDocument(),
    width: CHART_WIDTH,
    style: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', fontSize: '12px' },
    ...options,
  });
  return String(svg.outerHTML);
}

/** Wrap SVG parts stacked vertically into one SVG (a chart made of two plots). */
function stackSvgs(parts: readonly { svg: string; height: number }[]): string {
  let y = 0;
  const inner = parts
    .map((part) => {
      const nested = part.svg.replace(/^<svg\b/, `<svg x="0" y="${y}"`);
      y += part.height;
      return nested;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${y}" viewBox="0 0 ${CHART_WIDTH} ${y}">${inner}</svg>`;
}

const phaseName = (p: string): string => p.charAt(0).toUpperCase() + p.slice(1);
const partName = (key: string): string => key.split('+').map(phaseName).join(' + ');

// ---------------------------------------------------------------------------------------------
// (1) Carbon by phase, operational vs embodied, with the paper's splits beside the measured shares

const BAR_HEIGHT = 250;

interface ShareBar {
  readonly bar: string;
  readonly part: string;
  readonly share: number;
}

/** The bars of the share comparison: ours by carbon and by energy, then each published split. */
export function shareBars(report: LifecycleReport): ShareBar[] {
  const bars: ShareBar[] = [];
  for (const phase of PHASES) {
    bars.push({ bar: 'This report, carbon', part: phase, share: report.phaseShares[phase] });
  }
  for (const phase of PHASES) {
    bars.push({ bar: 'This report, energy', part: phase, share: report.phaseEnergyShares[phase] });
  }
  for (const split of report.paperSplits) {
    for (const [part, share] of Object.entries(split.shares)) {
      bars.push({ bar: paperBarName(split), part, share });
    }
  }
  return bars;
}

const paperBarName = (split: PaperSplit): string => `${split.name} (${split.basis})`;

function partColors(parts: readonly string[]): Map<string, string> {
  const colors = new Map<string, string>();
  let extra = 0;
  for (const part of parts) {
    const phase = PHASES.find((p) => p === part);
    colors.set(
      part,
      phase ? PHASE_COLORS[phase] : (EXTRA_COLORS[extra++ % EXTRA_COLORS.length] ?? '#999999'),
    );
  }
  return colors;
}

export function phaseBreakdownChart(report: LifecycleReport): Chart {
  const phaseTotals = PHASES.map((phase) => ({ phase, totals: report.byPhase[phase] }));
  const largest = Math.max(0, ...phaseTotals.map((p) => p.totals.totalGco2e));
  const [factor, unit] = unitFor(largest, GRAM_STEPS);
  const stacked = phaseTotals.flatMap(({ phase, totals }) => [
    {
      phase: phaseName(phase),
      part: 'Operational (location-based)',
      value: totals.operationalGco2e.location / factor,
      title: `${phaseName(phase)}, operational: ${formatGrams(totals.operationalGco2e.location)}`,
    },
    {
      phase: phaseName(phase),
      part: 'Embodied',
      value: totals.embodiedGco2e / factor,
      title: `${phaseName(phase)}, embodied: ${formatGrams(totals.embodiedGco2e)}`,
    },
  ]);
  const labels = phaseTotals.map(({ phase, totals }) => ({
    phase: phaseName(phase),
    value: totals.totalGco2e / factor,
    text: `${formatGrams(totals.totalGco2e)} · ${formatShare(report.phaseShares[phase])}`,
  }));
  const bars = basePlot({
    height: BAR_HEIGHT,
    marginLeft: 64,
    marginTop: 28,
    x: { domain: PHASES.map(phaseName), label: null, padding: 0.35 },
    y: {
      label: `Carbon (${unit})`,
      grid: true,
      nice: true,
      domain: [0, (largest / factor) * 1.12 || 1],
      labelArrow: 'none',
    },
    color: {
      domain: ['Operational (location-based)', 'Embodied'],
      range: [OPERATIONAL_COLOR, EMBODIED_COLOR],
    },
    marks: [
      Plot.barY(stacked, {
        x: 'phase',
        y: 'value',
        fill: 'part',
        title: 'title',
        order: ['Operational (location-based)', 'Embodied'],
      }),
      Plot.text(labels, { x: 'phase', y: 'value', text: 'text', dy: -8, lineAnchor: 'bottom', fill: '#222' }),
      Plot.ruleY([0]),
    ],
  });

  const shares = shareBars(report);
  const barNames = [...new Set(shares.map((s) => s.bar))];
  const parts = [...new Set(shares.map((s) => s.part))];
  const colors = partColors(parts);
  // Published splits have long names: the axis wraps them over two lines in a 210 px margin.
  const shareHeight = 50 + barNames.length * 38;
  const comparison = basePlot({
    height: shareHeight,
    marginLeft: 210,
    marginRight: 16,
    marginBottom: 40,
    x: {
      domain: [0, 100],
      label: 'Share of the life cycle (%)',
      ticks: 5,
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { domain: barNames, label: null, padding: 0.25 },
    color: { domain: parts, range: parts.map((p) => colors.get(p) ?? '#999999') },
    marks: [
      Plot.axisY({ lineWidth: 17, tickSize: 0, tickPadding: 6 }),
      Plot.barX(
        shares.map((s) => ({
          ...s,
          pct: s.share * 100,
          title: `${s.bar}: ${partName(s.part)} ${formatShare(s.share)}`,
        })),
        Plot.stackX({ x: 'pct', y: 'bar', fill: 'part', title: 'title', order: parts, inset: 0.5 }),
      ),
      Plot.text(
        shares
          .filter((s) => s.share >= 0.08)
          .map((s) => ({ ...s, pct: s.share * 100, text: formatShare(s.share) })),
        Plot.stackX({
          x: 'pct',
          y: 'bar',
          z: 'part',
          text: 'text',
          order: parts,
          fill: 'white',
          fontWeight: 600,
        }),
      ),
    ],
  });

  const summary =
    `Carbon by life-cycle phase: ${phaseTotals
      .map(
        ({ phase, totals }) =>
          `${phase} ${formatGrams(totals.totalGco2e)} (operational ${formatGrams(totals.operationalGco2e.location)}, embodied ${formatGrams(totals.embodiedGco2e)})`,
      )
      .join('; ')}. ` +
    `Phase shares of carbon: ${PHASES.map((p) => `${p} ${formatShare(report.phaseShares[p])}`).join(', ')}` +
    report.paperSplits
      .map(
        (split) =>
          `; ${split.name} (${split.basis}): ${Object.entries(split.shares)
            .map(([k, v]) => `${partName(k).toLowerCase()} ${formatShare(v)}`)
            .join(', ')}`,
      )
      .join('') +
    '.';

  return {
    name: 'phase-breakdown',
    svg: stackSvgs([
      { svg: bars, height: BAR_HEIGHT },
      { svg: comparison, height: shareHeight },
    ]),
    summary,
    legend: [
      {
        title: 'Bars',
        entries: [
          { label: 'Operational (location-based)', color: OPERATIONAL_COLOR },
          { label: 'Embodied', color: EMBODIED_COLOR },
        ],
      },
      {
        title: 'Shares',
        entries: parts.map((p) => ({ label: partName(p), color: colors.get(p) ?? '#999999' })),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// (2) Operational / embodied split of the total

export function operationalEmbodiedChart(report: LifecycleReport): Chart {
  const { total } = report;
  const location = total.operationalGco2e.location;
  const market = total.operationalGco2e.market;
  const embodied = total.embodiedGco2e;
  const locationTotal = location + embodied;
  const marketTotal = market + embodied;
  const [factor, unit] = unitFor(Math.max(locationTotal, marketTotal), GRAM_STEPS);
  const share = (x: number, of: number) => (of > 0 ? x / of : 0);
  const rows = [
    { bar: 'Location-based total', part: 'Operational', value: location, of: locationTotal },
    { bar: 'Location-based total', part: 'Embodied', value: embodied, of: locationTotal },
    { bar: 'Market-based total', part: 'Operational', value: market, of: marketTotal },
    { bar: 'Market-based total', part: 'Embodied', value: embodied, of: marketTotal },
  ].map((r) => ({
    ...r,
    scaled: r.value / factor,
    title: `${r.bar}: ${r.part.toLowerCase()} ${formatGrams(r.value)} (${formatShare(share(r.value, r.of))})`,
    // The segment's width decides what fits in it: value and share, the share alone, or nothing.
    text:
      share(r.value, Math.max(locationTotal, marketTotal)) >= 0.35
        ? `${formatGrams(r.value)} · ${formatShare(share(r.value, r.of))}`
        : formatShare(share(r.value, r.of)),
    wide: share(r.value, Math.max(locationTotal, marketTotal)) >= 0.07,
  }));
  const height = 160;
  const svg = basePlot({
    height,
    marginLeft: 150,
    marginRight: 20,
    marginBottom: 40,
    x: { label: `Carbon (${unit})`, grid: true, nice: true, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: ['Location-based total', 'Market-based total'], label: null },
    color: { domain: ['Operational', 'Embodied'], range: [OPERATIONAL_COLOR, EMBODIED_COLOR] },
    marks: [
      Plot.barX(
        rows,
        Plot.stackX({
          x: 'scaled',
          y: 'bar',
          fill: 'part',
          title: 'title',
          order: ['Operational', 'Embodied'],
          inset: 0.5,
        }),
      ),
      Plot.text(
        rows.filter((r) => r.wide),
        Plot.stackX({
          x: 'scaled',
          y: 'bar',
          z: 'part',
          text: 'text',
          order: ['Operational', 'Embodied'],
          fill: 'white',
          fontWeight: 600,
        }),
      ),
      Plot.ruleX([0]),
    ],
  });
  return {
    name: 'operational-embodied',
    svg,
    summary:
      `Total ${formatGrams(locationTotal)}: operational (location-based) ${formatGrams(location)}, ${formatShare(share(location, locationTotal))}; ` +
      `embodied ${formatGrams(embodied)}, ${formatShare(share(embodied, locationTotal))}. ` +
      `With market-based operational carbon (${formatGrams(market)}) the total would be ${formatGrams(marketTotal)}.`,
    legend: [
      {
        entries: [
          {
            label: 'Operational',
            color: OPERATIONAL_COLOR,
            detail: `${formatGrams(location)} location-based (${formatShare(share(location, locationTotal))}), ${formatGrams(market)} market-based`,
          },
          {
            label: 'Embodied',
            color: EMBODIED_COLOR,
            detail: `${formatGrams(embodied)} (${formatShare(share(embodied, locationTotal))})`,
          },
        ],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// (3) Each run's power over time

interface TimeUnit {
  readonly seconds: number;
  readonly label: string;
}

function timeUnitFor(maxSeconds: number): TimeUnit {
  if (maxSeconds < 180) return { seconds: 1, label: 's' };
  if (maxSeconds < 3 * 3600) return { seconds: 60, label: 'min' };
  if (maxSeconds < 3 * 86400) return { seconds: 3600, label: 'h' };
  return { seconds: 86400, label: 'days' };
}

/**
 * At most `max` points: consecutive samples averaged in equal-count buckets, each placed at its
 * buckets' mean time. The mean power of the run (and so the area under the line) is kept.
 */
export function downsample(
  points: PowerSeries['points'],
  max: number,
): { readonly tMs: number; readonly watts: number }[] {
  if (points.length <= max) return [...points];
  const out: { tMs: number; watts: number }[] = [];
  const size = points.length / max;
  for (let b = 0; b < max; b++) {
    const from = Math.floor(b * size);
    const to = Math.floor((b + 1) * size);
    let t = 0;
    let w = 0;
    for (let i = from; i < to; i++) {
      const p = points[i];
      if (p === undefined) continue;
      t += p.tMs;
      w += p.watts;
    }
    const n = to - from;
    if (n > 0) out.push({ tMs: t / n, watts: w / n });
  }
  return out;
}

const meanWatts = (points: PowerSeries['points']): number =>
  points.length === 0 ? 0 : points.reduce((sum, p) => sum + p.watts, 0) / points.length;

const peakWatts = (points: PowerSeries['points']): number =>
  points.reduce((peak, p) => Math.max(peak, p.watts), 0);

/** The runs drawn: those with points, the longest-running first when there are too many. */
export function powerRunsShown(series: readonly PowerSeries[]): PowerSeries[] {
  const span = (s: PowerSeries) => {
    const first = s.points[0];
    const last = s.points[s.points.length - 1];
    return first && last ? last.tMs - first.tMs : 0;
  };
  const withPoints = series.filter((s) => s.points.length > 0);
  if (withPoints.length <= MAX_POWER_RUNS) return withPoints;
  const kept = new Set([...withPoints].sort((a, b) => span(b) - span(a)).slice(0, MAX_POWER_RUNS));
  return withPoints.filter((s) => kept.has(s));
}

/** `undefined` when no run has power samples. */
export function powerChart(series: readonly PowerSeries[]): Chart | undefined {
  const shown = powerRunsShown(series);
  if (shown.length === 0) return undefined;
  // Names in the legend and the colour domain must be unique even when two runs share a label.
  const names = shown.map((s, i) => `${i + 1}. ${s.label}`);
  let maxSeconds = 0;
  let maxWatts = 0;
  for (const s of shown) {
    const start = s.points[0]?.tMs ?? 0;
    for (const p of s.points) {
      maxSeconds = Math.max(maxSeconds, (p.tMs - start) / 1000);
      maxWatts = Math.max(maxWatts, p.watts);
    }
  }
  const time = timeUnitFor(maxSeconds);
  const [wattFactor, wattUnit] = unitFor(maxWatts, WATT_STEPS);
  const data = shown.flatMap((s, i) => {
    const start = s.points[0]?.tMs ?? 0;
    return downsample(s.points, MAX_POINTS_PER_RUN).map((p) => ({
      run: names[i] ?? s.id,
      t: (p.tMs - start) / 1000 / time.seconds,
      power: p.watts / wattFactor,
    }));
  });
  // A run with one sample has no line to draw: show it as a dot.
  const singleRuns = new Set(names.filter((_, i) => shown[i]?.points.length === 1));
  const single = data.filter((d) => singleRuns.has(d.run));
  const colors = names.map((_, i) => RUN_COLORS[i % RUN_COLORS.length] ?? '#4e79a7');
  const svg = basePlot({
    height: 300,
    marginLeft: 64,
    marginBottom: 40,
    x: {
      label: `Time since the run started (${time.label})`,
      grid: true,
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { label: `Power (${wattUnit})`, grid: true, nice: true, zero: true, labelArrow: 'none' },
    color: { domain: names, range: colors },
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, { x: 't', y: 'power', stroke: 'run', z: 'run', strokeWidth: 1.6, curve: 'linear' }),
      Plot.dot(single, { x: 't', y: 'power', fill: 'run', r: 3 }),
    ],
  });
  const summary = shown
    .map((s) => {
      const first = s.points[0]?.tMs ?? 0;
      const last = s.points[s.points.length - 1]?.tMs ?? first;
      const span = (last - first) / 1000 / time.seconds;
      return `${s.label}: mean ${formatWatts(meanWatts(s.points))} over ${span.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${time.label}`;
    })
    .join('; ');
  return {
    name: 'power-over-time',
    svg,
    summary: `Power drawn by each run over time. ${summary}.`,
    legend: [
      {
        entries: shown.map((s, i) => ({
          label: names[i] ?? s.label,
          color: colors[i] ?? '#4e79a7',
          detail: `mean ${formatWatts(meanWatts(s.points))}, peak ${formatWatts(peakWatts(s.points))}`,
        })),
      },
    ],
  };
}
