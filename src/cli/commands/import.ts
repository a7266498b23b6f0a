/**
 * `footprint import FILE [--format codecarbon|footprint]`: CodeCarbon's emissions.csv or
 * Footprint's own JSON export from another machine, as declared entries. The whole file is read
 * and checked first (a bad row names its line; nothing is written), then added in one transaction;
 * rows imported before are skipped, so importing the same file twice counts it once.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { resolveSpec } from '../../analysis/resolve-spec.js';
import { EstimateSpecSchema } from '../../analysis/spec.js';
import type { Entry } from '../../core/entry.js';
import { FootprintError } from '../../core/errors.js';
import { PHASES, type Phase } from '../../core/job.js';
import { codeCarbonRowToEntry, latestRowPerRun, parseCodeCarbonCsv } from '../../report/codecarbon-csv.js';
import { EXPORT_FORMAT, parseFootprintExport } from '../../report/footprint-export.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { newId } from '../ids.js';
import { openLedger } from '../ledger-access.js';

const help = `Usage: footprint import FILE [--format codecarbon|footprint] [--phase P] [--project P] [--model M] [--json]

Adds footprints measured elsewhere as declared entries, priced with Footprint's method:
  codecarbon  CodeCarbon's emissions.csv (kWh, kg and seconds as CodeCarbon writes them)
  footprint   Footprint's JSON export from another machine (footprint export --format json)
The format is detected when not given. Importing the same rows again adds nothing.

Options:
  --phase P      phase of CodeCarbon rows (default training)
  --project P    project for CodeCarbon rows (default: the row's project_name)
  --model M      model the rows belong to
  --json         counts as JSON`;

export function detectFormat(file: string, text: string): 'codecarbon' | 'footprint' {
  const head = text.trimStart();
  if (head.startsWith('{') && head.includes(EXPORT_FORMAT)) return 'footprint';
  const header = head.split(/\r?\n/, 1)[0] ?? '';
  if (/(^|,)energy_consumed(,|$)/.test(header) && /(^|,)emissions(,|$)/.test(header)) return 'codecarbon';
  throw new FootprintError(
    'parse_error',
    `${file}: neither a CodeCarbon emissions.csv nor a Footprint export; give --format`,
  );
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('import', argv, {
    format: { type: 'string' },
    phase: { type: 'string' },
    project: { type: 'string' },
    model: { type: 'string' },
    json: { type: 'boolean' },
    ledger: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new FootprintError('usage', 'import: give one FILE; see footprint import --help');
  const path = positionals[0] as string;
  const file = basename(path);
  const phase = (values.phase ?? 'training') as Phase;
  if (!PHASES.includes(phase))
    throw new FootprintError(
      'usage',
      `import: --phase must be one of ${PHASES.join(', ')}, got ${values.phase}`,
    );
  if (values.format !== undefined && values.format !== 'codecarbon' && values.format !== 'footprint') {
    throw new FootprintError(
      'usage',
      `import: --format must be codecarbon or footprint, got ${values.format}`,
    );
  }
  const text = await readFile(resolve(io.cwd, path), 'utf8').catch((e: NodeJS.ErrnoException) => {
    throw new FootprintError('io_error', `${path}: cannot read it (${e.code ?? e.message}); check the path`);
  });
  const format = values.format ?? detectFormat(file, text);
  const nowMs = Date.now();
  let entries: Entry[];
  let where: (i: number) => string;
  if (format === 'codecarbon') {
    // CodeCarbon writes cumulative rows (each flush repeats the run so far): keep each run's last.
    const rows = latestRowPerRun(parseCodeCarbonCsv(text, file).rows);
    where = (i) => `${file}:${rows[i]?.line ?? '?'}`;
    entries = rows.map((row) => ({
      ...codeCarbonRowToEntry(row, {
        phase,
        ...(values.project ? { project: values.project } : {}),
        ...(values.model ? { model: values.model } : {}),
      }),
      id: newId('e', nowMs),
    }));
  } else {
    where = (i) => `${file}: item ${i + 1}`;
    entries = parseFootprintExport(text, file, () => newId('e', nowMs)).map((e) => ({
      ...e,
      ...(values.project ? { project: values.project } : {}),
      ...(values.model ? { model: values.model } : {}),
    }));
  }
  // Every row must price before any is stored: all or nothing.
  entries.forEach((entry, i) => {
    const spec = EstimateSpecSchema.safeParse(entry.spec);
    if (!spec.success) {
      const issue = spec.error.issues[0];
      throw new FootprintError('invalid_spec', `${where(i)}: ${issue?.path.join('.')} ${issue?.message}`);
    }
    resolveSpec(spec.data, where(i));
  });
  const { ledger } = await openLedger(io, values.ledger);
  let counts: { added: number; skipped: number };
  try {
    counts = await ledger.addEntries(entries);
  } finally {
    await ledger.close();
  }
  io.stdout(
    values.json
      ? `${JSON.stringify({ file, format, ...counts })}\n`
      : `imported ${counts.added} ${format === 'codecarbon' ? 'CodeCarbon row(s)' : 'item(s)'} from ${file}${counts.skipped ? `; ${counts.skipped} already imported, skipped` : ''}\n`,
  );
  return 0;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import CodeCarbon CSVs or Footprint exports',
  help,
  run,
};
