/**
 * `footprint statement [--model M | RUN…] [--format md|tex]`: the carbon impact statement the
 * paper asks for — hardware, device-hours, energy, PUE, location and intensity source, operational
 * (location- and market-based) and embodied carbon, method, uncertainty and every default used —
 * as a paragraph and a table to paste into a paper.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FootprintError } from '../../core/errors.js';
import { renderStatement } from '../../report/statement.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { FILTER_HELP, FILTER_OPTIONS, filtersOf } from '../filters.js';
import { loadReport } from '../load-report.js';

const help = `Usage: footprint statement [--model M | RUN…] [--format md|tex] [--out FILE]

A carbon impact statement for a paper: a paragraph and a table (Markdown or LaTeX) naming the
hardware, device-hours and runtime, energy, PUE, location and intensity source, operational
(location- and market-based) and embodied carbon, the method, the uncertainty, and every
default that was used. RUN is a run id or a prefix of one (several may be given).

Options:
${FILTER_HELP}
  --format F     md (default) or tex
  --out FILE     write to FILE instead of stdout
  --json         the report behind the statement, as JSON`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('statement', argv, {
    ...FILTER_OPTIONS,
    format: { type: 'string' },
    out: { type: 'string' },
    ledger: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const format = values.format ?? 'md';
  if (format !== 'md' && format !== 'tex')
    throw new FootprintError('usage', `statement: --format must be md or tex, got ${format}`);
  const refs = positionals;
  const { report, items } = await loadReport(io, 'statement', values.ledger, filtersOf('statement', values), {
    requireItems: true,
    ...(refs.length > 0
      ? {
          select: (items) => {
            const chosen = items.filter(
              (i) => i.item.kind === 'run' && refs.some((r) => i.item.id.startsWith(r)),
            );
            const missing = refs.filter((r) => !items.some((i) => i.item.id.startsWith(r)));
            if (missing.length > 0)
              throw new FootprintError(
                'not_found',
                `statement: no finished run "${missing[0]}"; footprint ls lists the runs`,
              );
            return chosen;
          },
        }
      : {}),
  });
  const text = values.json
    ? `${JSON.stringify(report, null, 2)}\n`
    : renderStatement(report, format, { sensors: [...new Set(items.flatMap((i) => i.sensors))] });
  if (values.out) {
    await writeFile(resolve(io.cwd, values.out), text).catch((e: NodeJS.ErrnoException) => {
      throw new FootprintError('io_error', `statement: cannot write ${values.out} (${e.code ?? e.message})`, {
        cause: e,
      });
    });
  } else {
    io.stdout(text.endsWith('\n') ? text : `${text}\n`);
  }
  return 0;
}

export const statementCommand: Command = {
  name: 'statement',
  summary: 'carbon impact statement for a paper (md, tex)',
  help,
  run,
};
