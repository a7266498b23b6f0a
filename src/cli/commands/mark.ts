/**
 * `footprint mark LABEL [--phase P] [K=V…]`: from inside a wrapped job (any language), records a
 * timestamped marker on the current run; with --phase, the run's energy from this instant on
 * belongs to that phase.
 */
import { FootprintError } from '../../core/errors.js';
import { PHASES, type Phase } from '../../core/job.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { openLedger } from '../ledger-access.js';

const help = `Usage: footprint mark LABEL [--phase P] [KEY=VALUE…]

Records a marker on the run that wraps this process (FOOTPRINT_RUN_ID): an epoch, a step, an
evaluation. With --phase (data | experimentation | training | inference) energy from now on
belongs to that phase. From Python:

  import subprocess
  subprocess.run(["footprint", "mark", "epoch-1", "loss=0.31"])
  subprocess.run(["footprint", "mark", "eval", "--phase", "inference"])

Options:
  --phase P      switch the run's phase from this instant
  --run ID       the run (default: FOOTPRINT_RUN_ID)
  --ledger PATH  the ledger (default: FOOTPRINT_LEDGER, as set by footprint run)
  --json         print the recorded marker as JSON
  -h, --help     this text`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const atMs = Date.now();
  const { values, positionals } = parse('mark', argv, {
    phase: { type: 'string' },
    run: { type: 'string' },
    ledger: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const [label, ...pairs] = positionals;
  if (!label) throw new FootprintError('usage', 'mark: give a LABEL; see footprint mark --help');
  const runId = values.run ?? io.env.FOOTPRINT_RUN_ID;
  if (!runId) {
    throw new FootprintError(
      'usage',
      'mark: no run: FOOTPRINT_RUN_ID is not set (call footprint mark from inside footprint run, or pass --run ID)',
    );
  }
  const phase = values.phase as Phase | undefined;
  if (phase !== undefined && !PHASES.includes(phase)) {
    throw new FootprintError(
      'usage',
      `mark: --phase must be one of ${PHASES.join(', ')}, got ${values.phase}`,
    );
  }
  const attrs: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new FootprintError('usage', `mark: attributes must be KEY=VALUE, got "${p}"`);
    attrs[p.slice(0, eq)] = p.slice(eq + 1);
  }
  const marker = { atMs, label, ...(phase ? { phase } : {}), attrs };
  const { ledger } = await openLedger(io, values.ledger);
  try {
    await ledger.addMarker(runId, marker);
  } finally {
    await ledger.close();
  }
  if (values.json) io.stdout(`${JSON.stringify({ run: runId, ...marker })}\n`);
  return 0;
}

export const markCommand: Command = {
  name: 'mark',
  summary: 'record a marker or phase switch on the current run',
  help,
  run,
};
