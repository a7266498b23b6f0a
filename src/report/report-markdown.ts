/**
 * A report as Markdown: the headline figures with their range, the rows, the phase split beside
 * the paper's, inference per 1,000 predictions, modelled runs and the defaults used.
 */
import { PHASES } from '../core/job.js';
import type { LifecycleReport } from './report-model.js';
import { formatGrams, formatKwh } from './units-format.js';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(r: LifecycleReport): string {
  const u = r.uncertainty;
  const out: string[] = [`# ${cell(r.title)}`, ''];
  out.push('| | most likely | p5 – p95 |', '|---|---:|---:|');
  out.push(
    `| IT energy | ${formatKwh(r.total.energyKwh)} | ${formatKwh(u.energyKwh.p5)} – ${formatKwh(u.energyKwh.p95)} |`,
  );
  out.push(
    `| Operational, location-based | ${formatGrams(r.total.operationalGco2e.location)} | ${formatGrams(u.operationalLocationGco2e.p5)} – ${formatGrams(u.operationalLocationGco2e.p95)} |`,
  );
  out.push(
    `| Operational, market-based | ${formatGrams(r.total.operationalGco2e.market)} | ${formatGrams(u.operationalMarketGco2e.p5)} – ${formatGrams(u.operationalMarketGco2e.p95)} |`,
  );
  out.push(
    `| Embodied | ${formatGrams(r.total.embodiedGco2e)} | ${formatGrams(u.embodiedGco2e.p5)} – ${formatGrams(u.embodiedGco2e.p95)} |`,
  );
  out.push(
    `| **Total** | **${formatGrams(r.total.totalGco2e)}** | ${formatGrams(u.totalGco2e.p5)} – ${formatGrams(u.totalGco2e.p95)} |`,
    '',
  );
  out.push(
    `## By ${r.groupBy}`,
    '',
    `| ${r.groupBy} | items | energy | operational | embodied | total | share |`,
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const row of r.rows) {
    out.push(
      `| ${cell(row.key)} | ${row.items} | ${formatKwh(row.energyKwh)} | ${formatGrams(row.operationalGco2e.location)} | ${formatGrams(row.embodiedGco2e)} | ${formatGrams(row.totalGco2e)} | ${pct(row.share)} |`,
    );
  }
  out.push(
    `| **total** | ${r.items.length} | ${formatKwh(r.total.energyKwh)} | ${formatGrams(r.total.operationalGco2e.location)} | ${formatGrams(r.total.embodiedGco2e)} | ${formatGrams(r.total.totalGco2e)} | 100 % |`,
    '',
  );
  out.push('## Phases beside the paper', '', '| phase | carbon share | energy share |', '|---|---:|---:|');
  for (const p of PHASES) out.push(`| ${p} | ${pct(r.phaseShares[p])} | ${pct(r.phaseEnergyShares[p])} |`);
  out.push('');
  for (const s of r.paperSplits) {
    out.push(
      `- ${s.name} (${s.basis}; ${s.source}): ${Object.entries(s.shares)
        .map(([k, v]) => `${k} ${pct(v)}`)
        .join(' : ')}`,
    );
  }
  if (r.inference) {
    out.push(
      '',
      `Inference: ${r.inference.predictions.toLocaleString('en-US')} predictions, ${formatKwh(r.inference.kwhPer1000)} and ${formatGrams(r.inference.gco2ePer1000)} per 1,000 predictions.`,
    );
  }
  if (r.modelled.length > 0) {
    out.push('', '## Runs with modelled power', '');
    for (const m of r.modelled)
      out.push(`- ${cell(m.id)} (${cell(m.label)}): ${m.devices.map(cell).join(', ')}`);
  }
  if (r.defaults.length > 0) {
    out.push('', '## Defaults used', '');
    for (const d of r.defaults)
      out.push(
        `- \`${d.field}\` = ${d.value}${d.unit && d.unit !== 'fraction' ? ` ${d.unit}` : ''} — ${cell(d.source)}`,
      );
  }
  out.push(
    '',
    `_Uncertainty: ${u.draws.toLocaleString('en-US')} Monte Carlo draws (seed ${u.seed}). Method: Footprint docs/methodology.md._`,
    '',
  );
  return out.join('\n');
}
