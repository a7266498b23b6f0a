/**
 * The life-cycle report as one self-contained HTML file: tables, static SVG charts and the notes a
 * reader needs to trust the numbers (modelled power, defaults, method). Nothing is loaded from
 * anywhere: no script, no web font, no image, no stylesheet link; the charts are SVG drawn here.
 * It reads on screen and prints on A4 (light background, charts within the text width, one page
 * break per section). Every string that came from a user is escaped.
 */
import { sumTotals, type Totals } from '../core/price.js';
import type { Quantiles } from '../core/uncertainty.js';
import {
  type Chart,
  type ChartName,
  MAX_POWER_RUNS,
  operationalEmbodiedChart,
  phaseBreakdownChart,
  powerChart,
  powerRunsShown,
} from './html-charts.js';
import type { LifecycleReport, ReportFilters, ReportItem } from './report-model.js';
import { formatGrams, formatKwh, formatMass, formatNumber, formatShare } from './units-format.js';

/** Items listed in the runs table; the rest are counted. */
export const MAX_ITEMS_LISTED = 200;

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML content and quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const CHART_TITLES: Readonly<Record<ChartName, string>> = {
  'phase-breakdown': 'Carbon by life-cycle phase, operational and embodied, beside published phase splits',
  'operational-embodied': 'Operational and embodied carbon in the total',
  'power-over-time': 'Power drawn by each run over time',
};

const utc = (ms: number): string => {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
};

const phaseName = (p: string): string => p.charAt(0).toUpperCase() + p.slice(1);

const range = (q: Quantiles, format: (x: number) => string): string => `${format(q.p5)} – ${format(q.p95)}`;

function filtersText(filters: ReportFilters): string {
  const parts: string[] = [];
  if (filters.project !== undefined) parts.push(`project <strong>${escapeHtml(filters.project)}</strong>`);
  if (filters.model !== undefined) parts.push(`model <strong>${escapeHtml(filters.model)}</strong>`);
  if (filters.sinceMs !== undefined) parts.push(`from ${utc(filters.sinceMs)}`);
  if (filters.untilMs !== undefined) parts.push(`until ${utc(filters.untilMs)} (exclusive)`);
  return parts.length === 0 ? 'All runs and entries in the ledger.' : `Filtered to ${parts.join(', ')}.`;
}

function headlineTable(report: LifecycleReport): string {
  const { total, uncertainty: u } = report;
  const row = (label: string, value: string, spread: string, strong = false) =>
    strong
      ? `<tr class="total"><th scope="row">${label}</th><td>${value}</td><td>${spread}</td></tr>`
      : `<tr><th scope="row">${label}</th><td>${value}</td><td>${spread}</td></tr>`;
  return `<table class="headline">
<caption>The footprint, most likely value and 90% interval (p5–p95, Monte Carlo)</caption>
<thead><tr><th scope="col">Quantity</th><th scope="col">Most likely</th><th scope="col">p5 – p95</th></tr></thead>
<tbody>
${row('Energy (IT)', formatKwh(total.energyKwh), range(u.energyKwh, formatKwh))}
${row('Energy (facility, IT × PUE)', formatKwh(total.facilityEnergyKwh), '—')}
${row('Operational carbon, location-based', formatGrams(total.operationalGco2e.location), range(u.operationalLocationGco2e, formatGrams))}
${row('Operational carbon, market-based', formatGrams(total.operationalGco2e.market), range(u.operationalMarketGco2e, formatGrams))}
${row('Embodied carbon', formatGrams(total.embodiedGco2e), range(u.embodiedGco2e, formatGrams))}
${row('Total (location-based operational + embodied)', formatGrams(total.totalGco2e), range(u.totalGco2e, formatGrams), true)}
</tbody>
</table>`;
}

function totalsCells(t: Totals): string {
  return [
    formatKwh(t.energyKwh),
    formatMass(t.operationalGco2e.location),
    formatMass(t.operationalGco2e.market),
    formatMass(t.embodiedGco2e),
    formatMass(t.totalGco2e),
  ]
    .map((cell) => `<td>${cell}</td>`)
    .join('');
}

/** Relative difference above which the rows and the report's total are said to disagree. */
const AGREEMENT = 1e-9;

const differs = (a: number, b: number): boolean =>
  Math.abs(a - b) > AGREEMENT * Math.max(1, Math.abs(a), Math.abs(b));

function rowsTable(report: LifecycleReport): string {
  const sum = sumTotals(report.rows);
  const items = report.rows.reduce((n, r) => n + r.items, 0);
  const shareSum = report.rows.reduce((n, r) => n + r.share, 0);
  const keyName = (key: string) => escapeHtml(report.groupBy === 'phase' ? phaseName(key) : key);
  const body = report.rows
    .map(
      (r) =>
        `<tr><th scope="row">${keyName(r.key)}</th><td>${r.items}</td>${totalsCells(r)}<td>${formatShare(r.share)}</td></tr>`,
    )
    .join('\n');
  const mismatch =
    differs(sum.totalGco2e, report.total.totalGco2e) || differs(sum.energyKwh, report.total.energyKwh)
      ? `<p class="warning">The rows add up to ${formatGrams(sum.totalGco2e)} and ${formatKwh(sum.energyKwh)}, but the report's total is ${formatGrams(report.total.totalGco2e)} and ${formatKwh(report.total.energyKwh)}: please report this as a bug.</p>`
      : '';
  return `<table class="rows">
<caption>By ${escapeHtml(report.groupBy)}</caption>
<thead><tr><th scope="col">${escapeHtml(phaseName(report.groupBy))}</th><th scope="col">Runs and entries</th><th scope="col">Energy (IT)</th><th scope="col">Operational, location-based (CO2e)</th><th scope="col">Operational, market-based (CO2e)</th><th scope="col">Embodied (CO2e)</th><th scope="col">Total (CO2e)</th><th scope="col">Share</th></tr></thead>
<tbody>
${body || '<tr><td colspan="8">No runs or entries match.</td></tr>'}
</tbody>
<tfoot><tr class="total"><th scope="row">Total</th><td>${items}</td>${totalsCells(sum)}<td>${formatShare(shareSum)}</td></tr></tfoot>
</table>
${mismatch}`;
}

function inferenceLine(report: LifecycleReport): string {
  const inf = report.inference;
  if (inf === undefined) return '';
  return `<p class="inference"><strong>Inference:</strong> ${formatKwh(inf.kwhPer1000)} and ${formatGrams(inf.gco2ePer1000)} per 1,000 predictions (${inf.predictions.toLocaleString('en-US')} predictions recorded).</p>`;
}

function legend(chart: Chart): string {
  return chart.legend
    .map(
      (group) =>
        `<ul class="legend">${group.title === undefined ? '' : `<li class="legend-title">${escapeHtml(group.title)}:</li>`}${group.entries
          .map(
            (e) =>
              `<li><span class="swatch" style="border-color:${escapeHtml(e.color)}"></span>${escapeHtml(e.label)}${
                e.detail === undefined ? '' : ` <span class="detail">${escapeHtml(e.detail)}</span>`
              }</li>`,
          )
          .join('')}</ul>`,
    )
    .join('\n');
}

/** A chart in its figure: the SVG carries role, label and `data-chart`; the caption says what it shows. */
function figure(chart: Chart, caption: string): string {
  const title = CHART_TITLES[chart.name];
  const svg = chart.svg.replace(
    /^<svg\b/,
    `<svg role="img" aria-label="${escapeHtml(`${title}. ${chart.summary}`)}" data-chart="${chart.name}"`,
  );
  return `<figure class="chart" id="chart-${chart.name}">
${legend(chart)}
${svg}
<figcaption><strong>${escapeHtml(title)}.</strong> ${caption}</figcaption>
</figure>`;
}

function paperSources(report: LifecycleReport): string {
  if (report.paperSplits.length === 0) return 'No published split was given to compare with.';
  return `Published splits: ${report.paperSplits
    .map((s) => `${escapeHtml(s.name)} (${escapeHtml(s.basis)} basis; ${escapeHtml(s.source)})`)
    .join('; ')}.`;
}

function chartsSection(report: LifecycleReport): string {
  const phase = phaseBreakdownChart(report);
  const split = operationalEmbodiedChart(report);
  return `<section id="breakdown">
<h2>Where the carbon comes from</h2>
${figure(
  phase,
  `Top: carbon per phase, operational (location-based) stacked under embodied, with each phase's total and share. Bottom: this report's phase shares of carbon and of energy, beside published splits; a published split may join phases (experimentation + training). ${paperSources(report)}`,
)}
${figure(
  split,
  'The total counts location-based operational carbon; the market-based bar shows the same total with contractual carbon-free energy taken into account (GHG Protocol Scope 2 dual reporting).',
)}
</section>`;
}

function powerSection(report: LifecycleReport): string {
  const series = report.power ?? [];
  const chart = powerChart(series);
  if (chart === undefined) {
    return `<section id="power">
<h2>Power over time</h2>
<p class="note">No power samples were included in this report${series.length > 0 ? ' (the runs have no samples)' : ''}.</p>
</section>`;
  }
  const shown = powerRunsShown(series).length;
  const omitted = series.filter((s) => s.points.length > 0).length - shown;
  const more =
    omitted > 0 ? ` The ${MAX_POWER_RUNS} longest runs are drawn; ${omitted} more are left out.` : '';
  return `<section id="power">
<h2>Power over time</h2>
${figure(
  chart,
  `Mean power of each run's devices over each sampling interval, from the start of the run; long runs are averaged into at most a few hundred points.${more}`,
)}
</section>`;
}

function itemsTable(items: readonly ReportItem[]): string {
  if (items.length === 0) return '<p class="note">No runs or entries.</p>';
  const listed = items.slice(0, MAX_ITEMS_LISTED);
  const body = listed
    .map(
      (i) =>
        `<tr><th scope="row">${escapeHtml(i.label)}<br><span class="detail">${escapeHtml(i.kind)} ${escapeHtml(i.id)} · ${escapeHtml(i.project)}${
          i.model === undefined ? '' : ` · ${escapeHtml(i.model)}`
        }</span></th><td>${escapeHtml(phaseName(i.phase))}</td><td class="num">${utc(i.startMs).slice(0, 10)}</td><td>${escapeHtml(i.basis)}</td><td>${escapeHtml(i.location)}<br><span class="detail">${formatNumber(i.intensityGco2ePerKwh)} g/kWh, PUE ${formatNumber(i.pue)}</span></td><td class="num">${formatKwh(i.energyKwh)}</td><td class="num">${formatMass(i.totalGco2e)}</td></tr>`,
    )
    .join('\n');
  const more =
    items.length > listed.length
      ? `<p class="note">${items.length - listed.length} more runs and entries are not listed; the totals above include them.</p>`
      : '';
  return `<table class="items">
<thead><tr><th scope="col">Run or entry</th><th scope="col">Phase</th><th scope="col">Started</th><th scope="col">Basis</th><th scope="col">Location</th><th scope="col" class="num">Energy (IT)</th><th scope="col" class="num">Total (CO2e)</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
${more}`;
}

function modelledList(report: LifecycleReport): string {
  if (report.modelled.length === 0)
    return '<p>None: every run’s power was measured by a sensor (or declared, for entries).</p>';
  return `<p>These runs had at least one device without a power sensor; its power was modelled (TDP × load), with a wide uncertainty range.</p>
<ul class="modelled">${report.modelled
    .map(
      (m) =>
        `<li><strong>${escapeHtml(m.label)}</strong> <span class="detail">(${escapeHtml(m.id)})</span>: ${m.devices.map(escapeHtml).join(', ')}</li>`,
    )
    .join('\n')}</ul>`;
}

function defaultsTable(report: LifecycleReport): string {
  if (report.defaults.length === 0) return '<p>None: every input was measured or declared.</p>';
  const body = report.defaults
    .map((d) => {
      const value =
        typeof d.value === 'number'
          ? `${formatNumber(d.value, 4)}${d.unit === undefined ? '' : ` ${escapeHtml(d.unit)}`}`
          : `${escapeHtml(d.value)}${d.unit === undefined ? '' : ` ${escapeHtml(d.unit)}`}`;
      return `<tr><th scope="row"><code>${escapeHtml(d.field)}</code></th><td>${value}</td><td>${escapeHtml(d.source)}</td></tr>`;
    })
    .join('\n');
  return `<table class="defaults">
<thead><tr><th scope="col">Field</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function methodSection(report: LifecycleReport): string {
  const u = report.uncertainty;
  return `<section id="method">
<h2>Method</h2>
<p><strong>Energy.</strong> IT energy is read from hardware energy counters where the devices have them (RAPL, NVML), integrated from power samples otherwise, and modelled from TDP and load only where no sensor was available (listed above). Declared entries carry the energy their owner gave. Facility energy is IT energy × PUE.</p>
<p><strong>Operational carbon.</strong> Location-based: facility energy × grid carbon intensity, hour by hour where an intensity trace covers the run, else the zone’s annual average. Market-based: facility energy × (1 − carbon-free energy share) × residual-mix intensity (the grid intensity where no residual mix was given). Both are reported, as the GHG Protocol Scope 2 guidance asks.</p>
<p><strong>Embodied carbon.</strong> For each device, its manufacturing footprint × the device-hours the job held it ÷ (its lifetime in hours × fleet utilization): idle hardware makes each useful hour carry more embodied carbon (Wu et al., <em>Sustainable AI</em>, MLSys 2022; the Green Software Foundation’s SCI).</p>
<p><strong>Total</strong> = location-based operational + embodied. Phases follow the paper’s life cycle: data, experimentation, training, inference.</p>
<p><strong>Uncertainty.</strong> Every input has a range (measured values narrow, defaults and models wide), drawn from triangular distributions in a seeded Monte Carlo (${u.draws.toLocaleString('en-US')} draws, seed ${u.seed}); the report gives the 5th and 95th percentiles. The same seed gives the same numbers.</p>
<p><strong>Units.</strong> Carbon in CO2-equivalent (g, kg, t); energy in Wh, kWh, MWh; values are rounded to three significant figures for reading — the JSON export keeps full precision.</p>
</section>`;
}

const STYLE = `
:root { color-scheme: light; --ink: #1d1f23; --muted: #5b6270; --rule: #d5d9e0; --band: #f5f7fa; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0 auto; max-width: 780px; padding: 28px 24px 56px; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.65rem; line-height: 1.2; margin: 0 0 .3rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 .8rem; padding-bottom: .25rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
header p { margin: .15rem 0; color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin: .6rem 0 1rem; font-size: .88rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .35rem; }
th, td { padding: .32rem .5rem; text-align: right; vertical-align: top; border-bottom: 1px solid var(--rule); }
th:first-child, td:first-child { text-align: left; }
thead th { font-weight: 600; border-bottom: 2px solid var(--ink); }
tbody th { font-weight: 500; }
tbody tr:nth-child(even) { background: var(--band); }
tr.total th, tr.total td { font-weight: 700; }
tfoot tr th, tfoot tr td { border-top: 2px solid var(--ink); border-bottom: none; }
td { white-space: nowrap; }
table.items td, table.items th, table.defaults td, table.defaults th { text-align: left; }
table.items td, table.defaults td { white-space: normal; }
table.items .num { text-align: right; }
table.items td.num { white-space: nowrap; }
table.items { font-size: .84rem; }
table.headline th[scope="row"] { width: 50%; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
.detail { color: var(--muted); font-size: .85em; font-weight: 400; }
.inference { padding: .5rem .75rem; border-left: 4px solid #e0962b; }
.warning { padding: .5rem .75rem; border-left: 4px solid #c9645c; }
.note { color: var(--muted); }
figure.chart { margin: 1.4rem 0 1.8rem; }
figure.chart > svg { display: block; width: 100%; max-width: 680px; height: auto; overflow: visible; }
figcaption { margin-top: .5rem; font-size: .85rem; color: var(--muted); }
.legend-title { font-weight: 600; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; margin: 0 0 .4rem; padding: 0; font-size: .85rem; }
.swatch { display: inline-block; width: 0; height: 0; border: 6px solid; border-radius: 2px; margin-right: .4rem; vertical-align: -1px; }
footer { margin-top: 2.5rem; font-size: .8rem; color: var(--muted); }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section + section { break-before: page; }
  h2, h3, caption { break-after: avoid; }
  tr, figure.chart, .legend { break-inside: avoid; }
  tbody tr:nth-child(even) { background: none; }
  figure.chart > svg { max-width: 100%; }
  table { font-size: 8.5pt; }
  th, td { padding: .25rem .3rem; }
}
`;

export function renderHtml(report: LifecycleReport): string {
  const title = escapeHtml(report.title);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Footprint">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p>Generated ${utc(report.generatedMs)} · grouped by ${escapeHtml(report.groupBy)} · ${report.items.length.toLocaleString('en-US')} ${report.items.length === 1 ? 'run or entry' : 'runs and entries'}</p>
<p>${filtersText(report.filters)}</p>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
${headlineTable(report)}
${inferenceLine(report)}
${rowsTable(report)}
</section>
${chartsSection(report)}
${powerSection(report)}
<section id="provenance">
<h2>Runs and entries</h2>
${itemsTable(report.items)}
<h3>Runs with modelled power</h3>
${modelledList(report)}
<h3>Defaults used</h3>
${defaultsTable(report)}
</section>
${methodSection(report)}
</main>
<footer>Made by Footprint. This file is self-contained: it loads nothing from the network.</footer>
</body>
</html>
`;
}
