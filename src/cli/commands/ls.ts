/**
 * `footprint ls [--project P] [--model M] [--status S] [--limit N] [--json]`: recorded runs,
 * newest first, with the energy each drew.
 */
import { FootprintError } from '../../core/errors.js';
import { RUN_STATUSES, type RunStatus } from '../../core/measurement.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { formatKwh, table } from '../format.js';
import { openLedger } from '../ledger-access.js';

const help = `Usage: footprint ls [--project P] [--model M] [--status S] [--limit N] [--json] [--ledger PATH]

Recorded runs, newest first: id, start, duration, status, phase, project, the energy attributed
to the job, and the command.

Options:
  --status S     running | completed | failed | interrupted
  --limit N      at most N runs (default 50)
  --json         rows as JSON`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    'ls',
    argv,
    {
      project: { type: 'string' },
      model: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
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
  const status = values.status as RunStatus | undefined;
  if (status !== undefined && !RUN_STATUSES.includes(status)) {
    throw new FootprintError(
      'usage',
      `ls: --status must be one of ${RUN_STATUSES.join(', ')}, got ${values.status}`,
    );
  }
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit <= 0)
    throw new FootprintError('usage', `ls: --limit must be a positive integer, got ${values.limit}`);
  const { ledger } = await openLedger(io, values.ledger);
  try {
    const runs = await ledger.listRuns({
      ...(values.project ? { project: values.project } : {}),
      ...(values.model ? { model: values.model } : {}),
      ...(status ? { status } : {}),
      limit,
    });
    if (values.json) {
      io.stdout(
        `${JSON.stringify(
          runs.map((r) => ({
            ...r,
            energy_kwh: r.energyJ / 3.6e6,
            attributed_energy_kwh: r.attributedJ / 3.6e6,
          })),
          null,
          2,
        )}\n`,
      );
    } else if (runs.length === 0) {
      io.stdout('No runs recorded yet. Start one with: footprint run -- COMMAND\n');
    } else {
      io.stdout(
        `${table([
          ['run', 'started', 'duration', 'status', 'phase', 'project', 'energy', 'command'],
          ...runs.map((r) => [
            r.id,
            new Date(r.startMs).toISOString().replace('T', ' ').slice(0, 19),
            `${Math.round(((r.endMs ?? r.lastSeenMs) - r.startMs) / 1000)} s`,
            r.status,
            r.phase,
            r.project,
            formatKwh(r.attributedJ / 3.6e6),
            r.command.join(' ').slice(0, 40),
          ]),
        ])}\n`,
      );
    }
  } finally {
    await ledger.close();
  }
  return 0;
}

export const lsCommand: Command = { name: 'ls', summary: 'list recorded runs', help, run };
