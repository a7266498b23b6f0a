/**
 * `footprint report`: the life-cycle view — runs and declared entries of a project or model,
 * grouped by phase, model, device or month, in text, JSON, Markdown, CSV or a self-contained HTML
 * page. Totals are always the sum of their rows.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FootprintError } from '../../core/errors.js';
import { PHASES } from '../../core/job.js';
import { reportCsv } from '../../report/report-csv.js';
import { reportMarkdown } from '../../report/report-markdown.js';
import { GROUP_BYS, type GroupBy, type LifecycleReport } from '../../report/report-model.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { FILTER_HELP, FILTER_OPTIONS, filtersOf } from '../filters.js';
import { formatGrams, formatKwh, table } from '../format.js';
import { loadReport } from '../load-report.js';

const FORMATS = ['text', 'json', 'md', 'csv', 'html'] as const;
type Format = (typeof FORMATS)[number];

const help = `Usage: footprint report [--project P] [--model M] [--since DATE] [--until DATE]
                        [--by phase|model|device|month] [--format text|json|md|csv|html] [--out FILE]

The footprint of a project or model over its life: measured runs and declared entries, priced
the same way; energy, operational (location- and market-based), embodied and total per group;
phase shares beside the paper's splits; inference per 1,000 predictions where a prediction count
was recorded; the runs whose power was modelled; the uncertainty range.

Options:
${FILTER_HELP}
  --by G         group rows by phase (default), model, device or month
  --format F     text (default), json, md, csv, or html (one self-contained file)
  --out FILE     write to FILE instead of stdout
  --json         same as --format json
  --ledger PATH  the ledger (default $FOOTPRINT_HOME/ledger.db, or postgres://…)`;

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function reportText(r: LifecycleReport): string {
  const u = r.uncertainty;
  const lines = [`Footprint report · ${r.title} · ${r.items.length} item(s)`, ''];
  lines.push(
    table([
      ['', 'most likely', 'p5 – p95'],
      [
        'IT energy',
        formatKwh(r.total.energyKwh),
        `${formatKwh(u.energyKwh.p5)} – ${formatKwh(u.energyKwh.p95)}`,
      ],
      [
        'Operational, location-based',
        formatGrams(r.total.operationalGco2e.location),
        `${formatGrams(u.operationalLocationGco2e.p5)} – ${formatGrams(u.operationalLocationGco2e.p95)}`,
      ],
      [
        'Operational, market-based',
        formatGrams(r.total.operationalGco2e.market),
        `${formatGrams(u.operationalMarketGco2e.p5)} – ${formatGrams(u.operationalMarketGco2e.p95)}`,
      ],
      [
        'Embodied',
        formatGrams(r.total.embodiedGco2e),
        `${formatGrams(u.embodiedGco2e.p5)} – ${formatGrams(u.embodiedGco2e.p95)}`,
      ],
      [
        'Total',
        formatGrams(r.total.totalGco2e),
        `${formatGrams(u.totalGco2e.p5)} – ${formatGrams(u.totalGco2e.p95)}`,
      ],
    ]),
  );
  lines.push('');
  lines.push(
    table([
      [r.groupBy, 'items', 'energy', 'operational', 'market', 'embodied', 'total', 'share'],
      ...r.rows.map((row) => [
        row.key,
        String(row.items),
        formatKwh(row.energyKwh),
        formatGrams(row.operationalGco2e.location),
        formatGrams(row.operationalGco2e.market),
        formatGrams(row.embodiedGco2e),
        formatGrams(row.totalGco2e),
        pct(row.share),
      ]),
      [
        'total',
        String(r.items.length),
        formatKwh(r.total.energyKwh),
        formatGrams(r.total.operationalGco2e.location),
        formatGrams(r.total.operationalGco2e.market),
        formatGrams(r.total.embodiedGco2e),
        formatGrams(r.total.totalGco2e),
        '100 %',
      ],
    ]),
  );
  lines.push('');
  lines.push(
    `Phases (carbon share · energy share): ${PHASES.map((p) => `${p} ${pct(r.phaseShares[p])} · ${pct(r.phaseEnergyShares[p])}`).join(', ')}`,
  );
  for (const s of r.paperSplits) {
    lines.push(
      `  beside ${s.name} (${s.basis}, ${s.source}): ${Object.entries(s.shares)
        .map(([k, v]) => `${k} ${pct(v)}`)
        .join(' : ')}`,
    );
  }
  if (r.inference) {
    lines.push(
      `Inference: ${r.inference.predictions.toLocaleString('en-US')} predictions · ${formatKwh(r.inference.kwhPer1000)} and ${formatGrams(r.inference.gco2ePer1000)} per 1,000 predictions`,
    );
  }
  if (r.modelled.length > 0) {
    lines.push(
      `Modelled rather than measured power: ${r.modelled.map((m) => `${m.id} (${m.devices.join(', ')})`).join('; ')}`,
    );
  }
  lines.push(
    `${r.defaults.length} default(s) used (see --format md or json for each with its source) · ${u.draws.toLocaleString('en-US')} Monte Carlo draws`,
  );
  return lines.join('\n');
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    'report',
    argv,
    {
      ...FILTER_OPTIONS,
      by: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      ledger: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const groupBy = (values.by ?? 'phase') as GroupBy;
  if (!GROUP_BYS.includes(groupBy))
    throw new FootprintError(
      'usage',
      `report: --by must be one of ${GROUP_BYS.join(', ')}, got ${values.by}`,
    );
  const format = (values.json ? 'json' : (values.format ?? 'text')) as Format;
  if (!FORMATS.includes(format))
    throw new FootprintError(
      'usage',
      `report: --format must be one of ${FORMATS.join(', ')}, got ${values.format}`,
    );
  const filters = filtersOf('report', values);
  const { report } = await loadReport(io, 'report', values.ledger, filters, {
    groupBy,
    power: format === 'html',
  });
  const text =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'md'
        ? reportMarkdown(report)
        : format === 'csv'
          ? reportCsv(report)
          : format === 'html'
            ? // Loaded on demand: the chart library is the heaviest module Footprint has.
              (await import('../../report/html.js')).renderHtml(report)
            : `${reportText(report)}\n`;
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), text).catch((e: NodeJS.ErrnoException) => {
      throw new FootprintError('io_error', `report: cannot write ${values.out} (${e.code ?? e.message})`, {
        cause: e,
      });
    });
    io.stderr(`footprint: report written to ${values.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'life-cycle report of a project or model',
  help,
  run,
};
