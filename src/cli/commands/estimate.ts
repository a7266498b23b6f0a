/**
 * `footprint estimate SPEC [--json] [--draws N] [--seed S]`: prices a job that was not measured.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { type Estimate, estimateText } from '../../analysis/estimate.js';
import { FootprintError } from '../../core/errors.js';
import { DEFAULT_UNCERTAINTY } from '../../core/monte-carlo.js';
import { footprintJson } from '../../report/footprint-json.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { formatGrams, formatKwh, formatNumber, table } from '../format.js';

const help = `Usage: footprint estimate SPEC [--json] [--draws N] [--seed S]

Prices a job that was not measured, from a YAML or JSON spec (use - to read stdin):
energy (IT and facility), operational carbon (location- and market-based), embodied
carbon, total, the p5–p95 range, and every default that was used.

Options:
  --json       one JSON object (energy_kwh, facility_energy_kwh, operational_gco2e,
               embodied_gco2e, total_gco2e, uncertainty, groups, provenance)
  --draws N    Monte Carlo draws (default ${DEFAULT_UNCERTAINTY.draws})
  --seed S     Monte Carlo seed (default ${DEFAULT_UNCERTAINTY.seed}); same seed, same numbers
  -h, --help   this text

Spec fields: see docs/estimate-spec.md. Example: examples/t5-pretraining.yaml`;

const positiveInt = (value: string | undefined, flag: string, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new FootprintError('usage', `estimate: ${flag} must be a positive integer, got ${value}`);
  return n;
};

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('estimate', argv, {
    json: { type: 'boolean' },
    draws: { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new FootprintError(
      'usage',
      'estimate: give exactly one SPEC file (or - for stdin); see footprint estimate --help',
    );
  }
  const path = positionals[0] as string;
  const file = path === '-' ? 'stdin' : basename(path);
  let text: string;
  try {
    text = path === '-' ? await io.readStdin() : await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new FootprintError(
      'io_error',
      `${path}: cannot read the spec (${code ?? String(e)}); check the path`,
      { cause: e },
    );
  }
  const seed = positiveInt(values.seed, '--seed', DEFAULT_UNCERTAINTY.seed);
  const draws = positiveInt(values.draws, '--draws', DEFAULT_UNCERTAINTY.draws);
  const estimate = estimateText(text, file, { seed, draws });
  if (values.json) {
    const { priced, uncertainty, job } = estimate;
    io.stdout(`${JSON.stringify(footprintJson(priced, uncertainty, job.provenance, job.name), null, 2)}\n`);
  } else {
    io.stdout(`${humanEstimate(estimate)}\n`);
  }
  return 0;
}

export function humanEstimate({ priced, uncertainty, job }: Estimate): string {
  const u = uncertainty;
  const spread = (q: { p5: number; p95: number }, f: (x: number) => string) => `${f(q.p5)} – ${f(q.p95)}`;
  const pue = priced.energyKwh > 0 ? priced.facilityEnergyKwh / priced.energyKwh : Number.NaN;
  const lines: string[] = [];
  lines.push(`${job.name ?? 'Estimate'} · ${priced.phase}`);
  lines.push('');
  lines.push(
    table([
      ['', 'most likely', 'p5 – p95'],
      ['IT energy', formatKwh(priced.energyKwh), spread(u.energyKwh, formatKwh)],
      [
        `Facility energy (PUE ${Number.isNaN(pue) ? '–' : formatNumber(pue, 3)})`,
        formatKwh(priced.facilityEnergyKwh),
        '',
      ],
      [
        'Operational, location-based',
        formatGrams(priced.operationalGco2e.location),
        spread(u.operationalLocationGco2e, formatGrams),
      ],
      [
        'Operational, market-based',
        formatGrams(priced.operationalGco2e.market),
        spread(u.operationalMarketGco2e, formatGrams),
      ],
      ['Embodied', formatGrams(priced.embodiedGco2e), spread(u.embodiedGco2e, formatGrams)],
      [
        'Total (location-based + embodied)',
        formatGrams(priced.totalGco2e),
        spread(u.totalGco2e, formatGrams),
      ],
    ]),
  );
  lines.push('');
  lines.push('Device groups');
  lines.push(
    table(
      [
        ['', 'device-h', 'IT energy', 'operational', 'embodied'],
        ...priced.groups.map((g) => [
          `${g.count} × ${g.label}`,
          formatNumber(g.deviceHours, 4),
          formatKwh(g.energyKwh),
          formatGrams(g.operationalGco2e.location),
          formatGrams(g.embodiedGco2e),
        ]),
      ],
      '  ',
    ),
  );
  const defaults = job.provenance.filter((p) => p.kind === 'default');
  lines.push('');
  if (defaults.length === 0) {
    lines.push('Defaults used: none');
  } else {
    lines.push('Defaults used');
    for (const d of defaults) {
      const value = typeof d.value === 'number' ? formatNumber(d.value, 4) : d.value;
      lines.push(
        `  ${d.field} = ${value}${d.unit && d.unit !== 'fraction' && d.unit !== 'ratio' ? ` ${d.unit}` : ''} — ${d.source}`,
      );
    }
  }
  lines.push('');
  lines.push(
    `Uncertainty: ${u.draws.toLocaleString('en-US')} Monte Carlo draws, seed ${u.seed}. Method: docs/methodology.md`,
  );
  return lines.join('\n');
}

export const estimateCommand: Command = {
  name: 'estimate',
  summary: 'price a job from a YAML/JSON spec',
  help,
  run,
};
