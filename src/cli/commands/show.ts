/**
 * `footprint show RUN|last [--json] [--whole]`: one recorded run: energy per device (whole device
 * and the job's share, measured or modelled), per phase, operational and embodied carbon, and the
 * provenance of every number.
 */
import { FootprintError } from '../../core/errors.js';
import { procRoot, readMemInfo } from '../../telemetry/procfs.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { openLedger } from '../ledger-access.js';
import { humanRunReport, reportRun } from '../run-report.js';

const help = `Usage: footprint show RUN|last [--json] [--whole] [--ledger PATH]

One recorded run: energy per device (whole device and this job's attributed share; measured
or modelled, and by which sensor), energy and carbon per phase, operational (location- and
market-based) and embodied carbon with their p5–p95 range, and every default used.

RUN is a run id, a unique prefix of one, or "last".

Options:
  --whole        price whole devices instead of the job's attributed share
  --json         the report as JSON
  --ledger PATH  the ledger (default $FOOTPRINT_HOME/ledger.db)
  -h, --help     this text`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('show', argv, {
    json: { type: 'boolean' },
    whole: { type: 'boolean' },
    ledger: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new FootprintError('usage', 'show: give one RUN id (or last); see footprint show --help');
  const ref = positionals[0] as string;
  const { ledger } = await openLedger(io, values.ledger);
  try {
    const record = await ledger.getRun(ref);
    if (!record)
      throw new FootprintError('not_found', `no run "${ref}" in the ledger; footprint ls lists the runs`);
    const mem = readMemInfo(procRoot(io.env));
    const report = await reportRun(ledger, record, {
      ...(mem ? { hostMemoryGb: mem.totalBytes / 1024 ** 3 } : {}),
      ...(values.whole ? { whole: true } : {}),
    });
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${humanRunReport(report)}\n`);
  } finally {
    await ledger.close();
  }
  return 0;
}

export const showCommand: Command = {
  name: 'show',
  summary: 'one recorded run, priced, with provenance',
  help,
  run,
};
