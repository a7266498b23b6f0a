/**
 * `footprint export [--format codecarbon|impact-framework|json]`: the selected runs and entries in
 * a format other tools read — CodeCarbon's emissions.csv, an Impact Framework manifest that
 * `if-run` reproduces, or Footprint's own JSON that `footprint import` reads on another machine.
 */
import { writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { FootprintError } from '../../core/errors.js';
import { toCodeCarbonCsv } from '../../report/codecarbon-csv.js';
import { toFootprintExport } from '../../report/footprint-export.js';
import { toImpactManifest } from '../../report/impact-framework.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { FILTER_HELP, FILTER_OPTIONS, filtersOf } from '../filters.js';
import { loadReport } from '../load-report.js';

const FORMATS = ['codecarbon', 'impact-framework', 'json'] as const;

const help = `Usage: footprint export [--format codecarbon|impact-framework|json] [filters] [--out FILE]

  codecarbon         CodeCarbon's emissions.csv columns (kg, kWh, seconds)
  impact-framework   an Impact Framework manifest (YAML); if-run reproduces its numbers
  json               Footprint's own export (default), read by footprint import elsewhere

Options:
${FILTER_HELP}
  --out FILE     write to FILE instead of stdout`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    'export',
    argv,
    {
      ...FILTER_OPTIONS,
      format: { type: 'string' },
      out: { type: 'string' },
      ledger: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const format = values.json ? 'json' : (values.format ?? 'json');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new FootprintError('usage', `export: --format must be one of ${FORMATS.join(', ')}, got ${format}`);
  const { report, items } = await loadReport(io, 'export', values.ledger, filtersOf('export', values));
  const text =
    format === 'codecarbon'
      ? toCodeCarbonCsv(report.items, report)
      : format === 'impact-framework'
        ? toImpactManifest(report)
        : toFootprintExport(
            items.map((i) => ({ item: i.item, spec: i.specOf() as unknown as Record<string, unknown> })),
            hostname(),
            Date.now(),
          );
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), text).catch((e: NodeJS.ErrnoException) => {
      throw new FootprintError('io_error', `export: cannot write ${values.out} (${e.code ?? e.message})`, {
        cause: e,
      });
    });
    io.stderr(`footprint: ${items.length} item(s) exported to ${values.out}\n`);
  } else {
    io.stdout(text);
  }
  return 0;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export as CodeCarbon CSV, Impact Framework manifest or JSON',
  help,
  run,
};
