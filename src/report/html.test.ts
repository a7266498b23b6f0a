import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sumTotals, type Totals } from '../core/price.js';
import type { GramsCo2e } from '../core/units.js';
import { escapeHtml, renderHtml } from './html.js';
import { downsample, MAX_POWER_RUNS } from './html-charts.js';
import { HOSTILE_LABEL, reportFixture, totalsOf } from './report-fixture.test-util.js';
import type { PowerSeries } from './report-model.js';
import { formatGrams, formatKwh, formatMass } from './units-format.js';

const CHARTS = ['phase-breakdown', 'operational-embodied', 'power-over-time'] as const;

/** The opening tag of the SVG that carries `data-chart="name"`, and its markup up to its end. */
function chartSvg(html: string, name: string): { tag: string; markup: string } | undefined {
  const start = html.search(new RegExp(`<svg\\b[^>]*\\bdata-chart="${name}"`));
  if (start < 0) return undefined;
  const tag = html.slice(start, html.indexOf('>', start) + 1);
  // Charts may nest SVGs: find the matching close tag.
  let depth = 0;
  const re = /<svg\b|<\/svg>/g;
  re.lastIndex = start;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0] === '</svg>' ? -1 : 1;
    if (depth === 0) return { tag, markup: html.slice(start, m.index + 6) };
  }
  return undefined;
}

/** Every URL the page would fetch: src/href/action/poster/srcset attributes, CSS url() and @import. */
function externalReferences(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(
    /\b(?:src|href|xlink:href|action|poster|srcset|data)\s*=\s*["']?([^"'\s>]+)/gi,
  )) {
    const url = m[1] ?? '';
    if (!url.startsWith('#')) found.push(m[0]);
  }
  for (const m of html.matchAll(/url\(\s*['"]?([^'")]+)/gi)) {
    if (!(m[1] ?? '').startsWith('#')) found.push(m[0]);
  }
  for (const m of html.matchAll(/@import\b[^;]*/gi)) found.push(m[0]);
  for (const m of html.matchAll(/<(?:script|link|iframe|img|object|embed|base|meta\s+http-equiv)\b[^>]*>/gi))
    found.push(m[0]);
  return found;
}

function tableSection(html: string, tag: 'tbody' | 'tfoot', tableClass: string): string {
  const start = html.indexOf(`<table class="${tableClass}">`);
  assert.ok(start >= 0, `table.${tableClass} missing`);
  const end = html.indexOf('</table>', start);
  const table = html.slice(start, end);
  const from = table.indexOf(`<${tag}>`);
  assert.ok(from >= 0, `<${tag}> missing in table.${tableClass}`);
  return table.slice(from, table.indexOf(`</${tag}>`, from));
}

test('the page loads nothing: no external src, href, url() or import', () => {
  const html = renderHtml(reportFixture());
  assert.deepEqual(externalReferences(html), []);
  assert.doesNotMatch(html, /(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<meta charset="utf-8">/);
});

test('the reference finder would catch an external image, script or stylesheet', () => {
  for (const bad of [
    '<img src="https://example.com/x.png">',
    '<script src="http://cdn.example/plot.js"></script>',
    '<link rel="stylesheet" href="//fonts.example/css">',
    '<style>@import url(https://fonts.example/a.css);</style>',
    '<div style="background:url(http://e.example/b.png)"></div>',
  ]) {
    assert.notDeepEqual(externalReferences(bad), [], bad);
  }
});

test('three SVG charts, each an image with a label, in a figure with a caption', () => {
  const html = renderHtml(reportFixture());
  for (const name of CHARTS) {
    const chart = chartSvg(html, name);
    assert.ok(chart, `no <svg data-chart="${name}">`);
    assert.match(chart.tag, /\brole="img"/);
    assert.match(chart.tag, /\baria-label="[^"]{20,}"/);
    assert.match(chart.tag, /\bviewBox="0 0 \d+ \d+"/);
    const figureStart = html.lastIndexOf('<figure', html.indexOf(chart.tag));
    const figureEnd = html.indexOf('</figure>', figureStart);
    assert.ok(figureStart >= 0 && figureEnd > html.indexOf(chart.tag), `${name} is not inside a <figure>`);
    assert.match(html.slice(figureStart, figureEnd), /<figcaption>.+<\/figcaption>/s);
  }
  assert.equal(html.match(/data-chart="/g)?.length, 3);
  assert.match(chartSvg(html, 'phase-breakdown')?.markup ?? '', /<rect\b/);
  assert.match(chartSvg(html, 'operational-embodied')?.markup ?? '', /<rect\b/);
});

test('the power chart draws one line per run, with axis labels and units', () => {
  const report = reportFixture();
  const markup = chartSvg(renderHtml(report), 'power-over-time')?.markup ?? '';
  const lines = markup.slice(markup.indexOf('aria-label="line"'));
  const paths = lines.slice(0, lines.indexOf('</g>')).match(/<path\b/g) ?? [];
  assert.equal(paths.length, report.power?.length);
  assert.match(markup, /Power \(kW\)/);
  assert.match(markup, /Time since the run started \(min\)/);
});

test('user strings are escaped: labels, titles, project names, sources', () => {
  const html = renderHtml(reportFixture());
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<b>&<\/b>/);
  assert.ok(html.includes(escapeHtml(HOSTILE_LABEL)), 'the script label should appear, escaped');
  assert.ok(html.includes('ranker &lt;b&gt;&amp;&lt;/b&gt;'));
  assert.ok(html.includes('python train.py --lr 3e-4 &amp; &quot;ablation&quot;'));
  assert.ok(html.includes('average PUE &lt;1.58&gt;'));
  assert.ok(html.includes(`<title>Life-cycle footprint of ${escapeHtml(HOSTILE_LABEL)}</title>`));
});

test('escapeHtml escapes the five characters that matter', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('each row and a total row that is the sum of the rows', () => {
  const report = reportFixture();
  const html = renderHtml(report);
  const body = tableSection(html, 'tbody', 'rows');
  const rows = body.split('</tr>').filter((r) => r.includes('<tr>'));
  assert.equal(rows.length, report.rows.length);
  report.rows.forEach((row, i) => {
    const cells = rows[i] ?? '';
    assert.ok(cells.includes(`<td>${formatMass(row.totalGco2e)}</td>`), `row ${row.key} total`);
    assert.ok(cells.includes(`<td>${formatKwh(row.energyKwh)}</td>`), `row ${row.key} energy`);
  });
  const sum = sumTotals(report.rows);
  const foot = tableSection(html, 'tfoot', 'rows');
  for (const value of [
    formatKwh(sum.energyKwh),
    formatMass(sum.operationalGco2e.location),
    formatMass(sum.operationalGco2e.market),
    formatMass(sum.embodiedGco2e),
    formatMass(sum.totalGco2e),
  ]) {
    assert.ok(foot.includes(`<td>${value}</td>`), `total row lacks ${value}`);
  }
  assert.ok(foot.includes('<td>4</td>'), 'items add up');
  assert.ok(foot.includes('<td>100%</td>'), 'shares add up');
  assert.doesNotMatch(html, /class="warning"/);
  // The headline gives the report's total, which is the same sum.
  assert.ok(html.includes(formatGrams(report.total.totalGco2e)));
  assert.equal(formatGrams(sum.totalGco2e), '108 kg CO2e');
});

test('rows that do not add up to the total are called out', () => {
  const report = reportFixture();
  const inflated: Totals = { ...report.total, totalGco2e: (report.total.totalGco2e * 2) as GramsCo2e };
  const html = renderHtml({ ...report, total: inflated });
  assert.match(html, /class="warning"[^>]*>The rows add up to 108 kg CO2e/);
});

test('the headline table gives every quantity with its p5–p95 range', () => {
  const report = reportFixture();
  const headline = tableSection(renderHtml(report), 'tbody', 'headline');
  const u = report.uncertainty;
  for (const label of ['Energy (IT)', 'location-based', 'market-based', 'Embodied carbon', 'Total']) {
    assert.ok(headline.includes(label), label);
  }
  assert.ok(headline.includes(`${formatKwh(u.energyKwh.p5)} – ${formatKwh(u.energyKwh.p95)}`));
  assert.ok(headline.includes(`${formatGrams(u.totalGco2e.p5)} – ${formatGrams(u.totalGco2e.p95)}`));
  assert.ok(headline.includes(`${formatGrams(u.embodiedGco2e.p5)} – ${formatGrams(u.embodiedGco2e.p95)}`));
});

test('units are scaled for people', () => {
  const big = totalsOf(250_000, 40_000_000);
  const report = reportFixture({ total: big, rows: [{ key: 'training', items: 1, share: 1, ...big }] });
  const html = renderHtml(report);
  assert.ok(html.includes('250 MWh'));
  assert.ok(html.includes('160 t CO2e'));
  assert.ok(html.includes(formatGrams(big.totalGco2e)));
  assert.match(formatGrams(big.totalGco2e), / t CO2e$/);
});

test('inference per 1,000 predictions, only when predictions were recorded', () => {
  const report = reportFixture();
  const html = renderHtml(report);
  assert.match(html, /60 Wh and 33\.6 g CO2e per 1,000 predictions \(2,000,000 predictions recorded\)/);
  const { inference: _dropped, ...withoutInference } = report;
  assert.doesNotMatch(renderHtml(withoutInference), /per 1,000 predictions/);
});

test('modelled runs and defaults are listed', () => {
  const html = renderHtml(reportFixture());
  assert.match(
    html,
    /Runs with modelled power<\/h3>[\s\S]*?python train\.py --lr 3e-4 &amp; &quot;ablation&quot;<\/strong> <span class="detail">\(r-2\)<\/span>: cpu: AMD EPYC 7763/,
  );
  assert.match(html, /<code>site\.pue<\/code><\/th><td>1\.2<\/td>/);
  assert.match(html, /<code>embodied\.lifetime_years<\/code><\/th><td>4 years<\/td>/);
  assert.match(html, /<h2>Method<\/h2>/);
  assert.match(html, /10,000 draws, seed 1/);
  const none = renderHtml(reportFixture({ modelled: [], defaults: [] }));
  assert.match(none, /None: every run’s power was measured/);
  assert.match(none, /None: every input was measured or declared/);
});

test('the paper splits stand beside the measured phase shares', () => {
  const markup = chartSvg(renderHtml(reportFixture()), 'phase-breakdown')?.markup ?? '';
  for (const text of [
    'This report, carbon',
    'This report, energy',
    'Wu et al. 2022, RM1 (energy)',
    '31%',
    '40%',
  ]) {
    assert.ok(markup.includes(text), text);
  }
});

test('without power samples the page says so and draws two charts', () => {
  for (const power of [undefined, [], [{ id: 'r', label: 'empty', points: [] }]]) {
    const { power: _drawn, ...report } = reportFixture();
    const html = renderHtml(power === undefined ? report : { ...report, power });
    assert.equal(html.match(/data-chart="/g)?.length, 2);
    assert.match(html, /No power samples were included/);
  }
});

test('at most twelve runs get a line; the page says how many were left out', () => {
  const series: PowerSeries[] = Array.from({ length: MAX_POWER_RUNS + 3 }, (_, i) => ({
    id: `r-${i}`,
    label: `run ${i}`,
    points: Array.from({ length: 5 + i }, (_, k) => ({ tMs: k * 60_000, watts: 100 + i })),
  }));
  const html = renderHtml(reportFixture({ power: series }));
  const markup = chartSvg(html, 'power-over-time')?.markup ?? '';
  const lines = markup.slice(markup.indexOf('aria-label="line"'));
  assert.equal(lines.slice(0, lines.indexOf('</g>')).match(/<path\b/g)?.length, MAX_POWER_RUNS);
  assert.match(html, /The 12 longest runs are drawn; 3 more are left out\./);
  assert.doesNotMatch(html, /run 0</, 'the shortest runs are the ones left out');
});

test('downsample keeps at most max points and the mean power', () => {
  const points = Array.from({ length: 10_001 }, (_, i) => ({ tMs: i * 1000, watts: 100 + (i % 7) * 10 }));
  const out = downsample(points, 400);
  assert.ok(out.length <= 400 && out.length > 390);
  const mean = (xs: readonly { watts: number }[]) => xs.reduce((s, p) => s + p.watts, 0) / xs.length;
  assert.ok(Math.abs(mean(out) - mean(points)) < 0.5, `${mean(out)} vs ${mean(points)}`);
  assert.deepEqual(downsample(points.slice(0, 3), 400), points.slice(0, 3));
});

test('the same report renders to the same bytes (no clock, no randomness)', () => {
  assert.equal(renderHtml(reportFixture()), renderHtml(reportFixture()));
});
