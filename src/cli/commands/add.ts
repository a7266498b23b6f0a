/**
 * `footprint add`: a declared entry for what Footprint did not measure — an inference fleet's
 * energy, a storage volume for the data phase, or any job described by an estimate spec. Checked
 * by pricing it before it is stored, so a bad entry is refused whole.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { resolveSpec } from '../../analysis/resolve-spec.js';
import { type EstimateSpec, EstimateSpecSchema, type SiteSpec } from '../../analysis/spec.js';
import { parseSpecText } from '../../analysis/spec-file.js';
import type { Entry } from '../../core/entry.js';
import { FootprintError } from '../../core/errors.js';
import { PHASES, type Phase } from '../../core/job.js';
import { HOURS_PER_YEAR } from '../../core/units.js';
import { numberOption, parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { newId } from '../ids.js';
import { openLedger } from '../ledger-access.js';

const help = `Usage: footprint add --phase P [--model M] [--project P] WHAT [SITE] [--label L] [--date D]
                     [--predictions N] [--training-type offline|online] [--json]

Declares a footprint Footprint did not measure. WHAT is one of:
  --energy-kwh X [--hours H]        energy drawn (e.g. an inference fleet's month); embodied
                                    carbon is left out unless --hours gives the time held
  --storage-tb X --months N [--media ssd|hdd]   storage held for the data phase
  --spec FILE                       any job, as an estimate spec (docs/estimate-spec.md)
SITE (not with --spec): --zone Z | --region R, --pue X, --cfe F

Options:
  --phase P            data | experimentation | training | inference
  --project P          project (default "default")
  --model M            model the entry belongs to
  --predictions N      predictions served (inference per 1,000 predictions in reports)
  --date D             when the work started (default now)
  --label L            what it is, for people
  --json               the stored entry as JSON`;

const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;

const num = (v: string | undefined, flag: string, ok: (n: number) => boolean, words: string) =>
  numberOption('add', flag, v, ok, words);

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    'add',
    argv,
    {
      phase: { type: 'string' },
      model: { type: 'string' },
      project: { type: 'string' },
      'training-type': { type: 'string' },
      'energy-kwh': { type: 'string' },
      hours: { type: 'string' },
      'storage-tb': { type: 'string' },
      months: { type: 'string' },
      media: { type: 'string' },
      spec: { type: 'string' },
      zone: { type: 'string' },
      region: { type: 'string' },
      pue: { type: 'string' },
      cfe: { type: 'string' },
      label: { type: 'string' },
      date: { type: 'string' },
      predictions: { type: 'string' },
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
  const kinds = [values['energy-kwh'], values['storage-tb'], values.spec].filter(
    (v) => v !== undefined,
  ).length;
  if (kinds !== 1)
    throw new FootprintError(
      'usage',
      'add: give exactly one of --energy-kwh, --storage-tb or --spec; see footprint add --help',
    );
  const phaseFlag = values.phase as Phase | undefined;
  if (phaseFlag !== undefined && !PHASES.includes(phaseFlag))
    throw new FootprintError(
      'usage',
      `add: --phase must be one of ${PHASES.join(', ')}, got ${values.phase}`,
    );
  const trainingType = values['training-type'];
  if (trainingType !== undefined && trainingType !== 'offline' && trainingType !== 'online') {
    throw new FootprintError('usage', `add: --training-type must be offline or online, got ${trainingType}`);
  }
  const atMs = values.date === undefined ? Date.now() : Date.parse(values.date);
  if (!Number.isFinite(atMs))
    throw new FootprintError('usage', `add: --date must be a date such as 2026-03-01, got ${values.date}`);
  const predictions = num(
    values.predictions,
    '--predictions',
    (n) => n >= 0 && Number.isInteger(n),
    'a whole number ≥ 0',
  );
  const site: SiteSpec = {
    ...(values.zone ? { zone: values.zone } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values.pue !== undefined
      ? { pue: num(values.pue, '--pue', (n) => n >= 1, 'at least 1') as number }
      : {}),
    ...(values.cfe !== undefined
      ? { cfe_fraction: num(values.cfe, '--cfe', (n) => n >= 0 && n <= 1, 'between 0 and 1') as number }
      : {}),
  };

  let spec: EstimateSpec;
  let file = 'add';
  if (values.spec !== undefined) {
    if (Object.keys(site).length > 0)
      throw new FootprintError('usage', 'add: with --spec, give the site inside the spec');
    file = basename(values.spec);
    const text = await readFile(resolve(io.cwd, values.spec), 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new FootprintError(
        'io_error',
        `${values.spec}: cannot read the spec (${e.code ?? e.message}); check the path`,
      );
    });
    spec = parseSpecText(text, file, EstimateSpecSchema);
    if (phaseFlag) spec = { ...spec, phase: phaseFlag };
  } else if (values['energy-kwh'] !== undefined) {
    const kwh = num(values['energy-kwh'], '--energy-kwh', (n) => n >= 0, 'a number ≥ 0') as number;
    const hours = num(values.hours, '--hours', (n) => n > 0, 'a positive number');
    if (!phaseFlag) throw new FootprintError('usage', 'add: --phase is required with --energy-kwh');
    spec = EstimateSpecSchema.parse({
      name: values.label ?? `${kwh} kWh declared`,
      phase: phaseFlag,
      hardware: [{ type: 'server', energy_kwh: kwh, ...(hours !== undefined ? { hours } : {}) }],
      site,
      embodied: { include: hours !== undefined },
    });
  } else {
    const tb = num(values['storage-tb'], '--storage-tb', (n) => n > 0, 'a positive number') as number;
    const months = num(values.months, '--months', (n) => n > 0, 'a positive number');
    if (months === undefined) throw new FootprintError('usage', 'add: --storage-tb needs --months');
    const media = values.media ?? 'ssd';
    if (media !== 'ssd' && media !== 'hdd')
      throw new FootprintError('usage', `add: --media must be ssd or hdd, got ${media}`);
    spec = EstimateSpecSchema.parse({
      name: values.label ?? `${tb} TB ${media.toUpperCase()} for ${months} months`,
      phase: phaseFlag ?? 'data',
      hardware: [{ type: 'storage', capacity_tb: tb, media, hours: months * HOURS_PER_MONTH }],
      site,
    });
  }
  resolveSpec(spec, file); // refuse now what could not be priced later: unknown zones, models, …

  const entry: Entry = {
    id: newId('e', Date.now()),
    project: values.project ?? 'default',
    ...(values.model ? { model: values.model } : {}),
    phase: spec.phase,
    ...(trainingType
      ? { trainingType: trainingType as 'offline' | 'online' }
      : spec.training_type
        ? { trainingType: spec.training_type }
        : {}),
    label: values.label ?? spec.name ?? file,
    atMs,
    source: 'declared',
    spec: spec as unknown as Record<string, unknown>,
    ...(predictions !== undefined ? { predictions } : {}),
    attrs: {},
  };
  const { ledger } = await openLedger(io, values.ledger);
  try {
    await ledger.addEntries([entry]);
  } finally {
    await ledger.close();
  }
  io.stdout(
    values.json
      ? `${JSON.stringify(entry, null, 2)}\n`
      : `added ${entry.id} · ${entry.phase} · ${entry.label}\n`,
  );
  return 0;
}

export const addCommand: Command = {
  name: 'add',
  summary: 'declare a footprint that was not measured',
  help,
  run,
};
