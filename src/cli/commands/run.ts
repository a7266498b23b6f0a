/**
 * `footprint run [options] -- CMD…`: wraps any command, measures what its hardware draws, and
 * records the run in the ledger as it goes (flushed at least every 5 s, so a killed wrapper loses
 * at most that). The child inherits stdio and signals; the wrapper exits with the child's code
 * (128 + signal number when the child was killed).
 */
import { spawn } from 'node:child_process';
import { constants, hostname } from 'node:os';
import { delimiter } from 'node:path';
import type { WriteStream } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { resolveSite } from '../../analysis/resolve-site.js';
import { FootprintError } from '../../core/errors.js';
import { PHASES, type Phase } from '../../core/job.js';
import type { EnergySample } from '../../core/measurement.js';
import type { RunSite } from '../../ledger/ledger.js';
import { createAttribution } from '../../telemetry/attribution.js';
import { procRoot } from '../../telemetry/procfs.js';
import { createSampler } from '../../telemetry/sampler.js';
import { numberOption, parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { formatGrams, formatKwh } from '../format.js';
import { probeHostSensors } from '../host-sensors.js';
import { newId } from '../ids.js';
import { openLedger } from '../ledger-access.js';
import { humanRunReport, reportRun, siteSpecOf } from '../run-report.js';
import { pinnedStatusLine } from '../status-line.js';

const help = `Usage: footprint run [options] -- COMMAND [ARGS…]

Runs COMMAND, measures the energy its hardware draws (RAPL, NVML / nvidia-smi, AMD; a modelled
fallback where no counter is readable, always marked as such), and records the run in the
ledger. The command sees FOOTPRINT_RUN_ID; \`footprint mark\` from inside it records markers and
phase switches. Exits with the command's exit code (128 + signal when it was killed).

Options:
  --interval S      sampling interval in seconds (default 1)
  --phase P         data | experimentation | training | inference (default training)
  --project NAME    project the run belongs to (default "default")
  --model NAME      model the run belongs to
  --tag K=V         a tag (repeatable)
  --zone Z          grid zone for pricing (Electricity Maps zone or country code; or FOOTPRINT_ZONE)
  --region R        cloud region for pricing, e.g. aws:us-east-1 (or FOOTPRINT_REGION)
  --pue X           data-centre PUE
  --cfe F           share of energy matched by carbon-free-energy contracts
  --ledger PATH     ledger file (default $FOOTPRINT_HOME/ledger.db, ~/.footprint/ledger.db)
  --quiet           no live line and no summary
  --json            the summary as one JSON line on stdout, after the command's own output
  -h, --help        this text`;

const FLUSH_MS = 5_000;
/** Put first on the job's PATH, so `footprint mark` works from inside it however footprint was started. */
const BIN_DIR = fileURLToPath(new URL('../../../../bin', import.meta.url));

function parseTags(tags: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags) {
    const eq = t.indexOf('=');
    if (eq <= 0) throw new FootprintError('usage', `run: --tag must be KEY=VALUE, got "${t}"`);
    out[t.slice(0, eq)] = t.slice(eq + 1);
  }
  return out;
}

const number = (value: string | undefined, flag: string, ok: (n: number) => boolean, words: string) =>
  numberOption('run', flag, value, ok, words);

async function run(argv: readonly string[], io: Io): Promise<number> {
  const dash = argv.indexOf('--');
  const { values } = parse(
    'run',
    dash === -1 ? argv : argv.slice(0, dash),
    {
      interval: { type: 'string' },
      phase: { type: 'string' },
      project: { type: 'string' },
      model: { type: 'string' },
      tag: { type: 'string', multiple: true },
      zone: { type: 'string' },
      region: { type: 'string' },
      pue: { type: 'string' },
      cfe: { type: 'string' },
      ledger: { type: 'string' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const command = dash === -1 ? [] : argv.slice(dash + 1);
  if (command.length === 0)
    throw new FootprintError(
      'usage',
      'run: give the command after --, e.g. footprint run -- python train.py',
    );
  const intervalS =
    number(values.interval, '--interval', (n) => n >= 0.05 && n <= 3600, 'seconds between 0.05 and 3600') ??
    1;
  const phase = (values.phase ?? 'training') as Phase;
  if (!PHASES.includes(phase))
    throw new FootprintError(
      'usage',
      `run: --phase must be one of ${PHASES.join(', ')}, got ${values.phase}`,
    );
  const pue = number(values.pue, '--pue', (n) => n >= 1, 'at least 1');
  const cfe = number(values.cfe, '--cfe', (n) => n >= 0 && n <= 1, 'between 0 and 1');
  const zone = values.zone ?? io.env.FOOTPRINT_ZONE;
  const region = values.region ?? (zone ? undefined : io.env.FOOTPRINT_REGION);
  const site: RunSite = {
    ...(zone ? { zone } : {}),
    ...(region ? { region } : {}),
    ...(pue !== undefined ? { pue } : {}),
    ...(cfe !== undefined ? { cfe } : {}),
  };
  // Resolve the site before anything runs: a wrong zone is an error now, not after a day of training.
  const siteValues = resolveSite(
    siteSpecOf(site),
    () => {},
    (field) => `run: ${field.replace('site.', '--')}`,
  );
  const tags = parseTags(values.tag ?? []);

  const { ledger, location, shown } = await openLedger(io, values.ledger);
  const stderr = process.stderr as WriteStream;
  const showLive = io.isTTY && stderr.isTTY && stderr.rows > 2 && !values.quiet && !values.json;
  const intervalMs = intervalS * 1000;
  const host = await probeHostSensors(io.env, Date.now(), intervalMs);
  if (!values.quiet && !values.json) for (const n of host.notes) io.stderr(`footprint: ${n}\n`);

  const startMs = Date.now();
  const id = newId('r', startMs);
  await ledger.createRun({
    id,
    command,
    cwd: io.cwd,
    host: hostname(),
    wrapperPid: process.pid,
    startMs,
    phase,
    ...(values.project ? { project: values.project } : {}),
    ...(values.model ? { model: values.model } : {}),
    tags,
    intervalS,
    site,
  });
  const devices = host.sensors.flatMap((s) => s.devices);
  await ledger.addDevices(id, devices);

  const child = spawn(command[0] as string, command.slice(1), {
    stdio: 'inherit',
    cwd: io.cwd,
    env: {
      ...io.env,
      FOOTPRINT_RUN_ID: id,
      FOOTPRINT_LEDGER: location,
      PATH: [BIN_DIR, io.env.PATH].filter(Boolean).join(delimiter),
    },
  });
  const spawnError = new Promise<NodeJS.ErrnoException>((resolve) => child.once('error', resolve));
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const handlers = (['SIGINT', 'SIGTERM', 'SIGHUP'] as const).map((s) => [s, forward(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);

  const sampler = createSampler(
    host.sensors,
    startMs,
    child.pid ? createAttribution(procRoot(io.env), child.pid) : undefined,
  );
  let buffer: EnergySample[] = [];
  let attributedJ = 0;
  let lastFlush = startMs;
  let writing: Promise<void> = Promise.resolve();
  const flush = (nowMs: number) => {
    const batch = buffer;
    buffer = [];
    lastFlush = nowMs;
    writing = writing.then(async () => {
      if (batch.length > 0) await ledger.appendSamples(id, batch);
      await ledger.heartbeat(id, nowMs);
    });
    return writing;
  };
  const gramsPerKwh = siteValues.pue.mode * siteValues.intensity.mode;
  const measured = [
    ...new Set(
      host.sensors.filter((s) => s.devices.some((d) => d.provenance === 'measured')).map((s) => s.name),
    ),
  ];
  const modelled = [
    ...new Set(
      host.sensors.filter((s) => s.devices.some((d) => d.provenance === 'modelled')).map((s) => s.name),
    ),
  ];
  const live = (nowMs: number) => {
    const watts = [...sampler.powerW.values()].reduce((a, b) => a + b, 0);
    const kwh = attributedJ / 3.6e6;
    const elapsed = Math.round((nowMs - startMs) / 1000);
    const clock = `${String(Math.floor(elapsed / 60)).padStart(2, '0')}:${String(elapsed % 60).padStart(2, '0')}`;
    const sensors = `measured: ${measured.join(', ') || 'none'} · modelled: ${modelled.join(', ') || 'none'}`;
    status?.update(
      `⏱ ${clock}  ${Math.round(watts)} W  ${formatKwh(kwh)}  ${formatGrams(kwh * gramsPerKwh)}  ${sensors}`,
    );
  };
  const tick = () => {
    const nowMs = Date.now();
    const samples = sampler.tick(nowMs);
    for (const s of samples) attributedJ += s.attributedJ;
    buffer.push(...samples);
    if (status) live(nowMs);
    if (nowMs - lastFlush >= FLUSH_MS)
      void flush(nowMs).catch((e) =>
        io.stderr(`\nfootprint: cannot write to the ledger: ${(e as Error).message}\n`),
      );
  };
  const status = showLive ? pinnedStatusLine(stderr) : undefined;
  const timer = setInterval(tick, intervalMs);

  const outcome = await Promise.race([
    new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    ),
    spawnError.then((error) => ({ error })),
  ]);
  clearInterval(timer);
  tick();
  const endMs = Date.now();
  await flush(endMs);
  for (const [s, h] of handlers) process.off(s, h);
  for (const sensor of host.sensors) sensor.close();
  status?.close();

  let exitCode: number;
  if ('error' in outcome) {
    exitCode = outcome.error.code === 'ENOENT' ? 127 : 126;
    await ledger.finishRun(id, { endMs, status: 'failed', exitCode });
    io.stderr(
      `footprint: cannot run ${command[0]}: ${outcome.error.code === 'ENOENT' ? 'command not found' : outcome.error.message} (run ${id} recorded as failed)\n`,
    );
  } else {
    const signalNumber = outcome.signal ? (constants.signals[outcome.signal] ?? 0) : 0;
    exitCode = outcome.code ?? 128 + signalNumber;
    await ledger.finishRun(id, {
      endMs,
      status: exitCode === 0 ? 'completed' : 'failed',
      exitCode,
      ...(outcome.signal ? { signal: outcome.signal } : {}),
    });
  }
  // Notes the sensors gathered while running (a failed read, a tool that exited) join the probe notes.
  const notes = [...new Set([...host.notes, ...host.sensors.flatMap((s) => s.notes ?? [])])];
  if (!values.quiet && !values.json)
    for (const n of notes.filter((x) => !host.notes.includes(x))) io.stderr(`footprint: ${n}\n`);
  if (!values.quiet || values.json) {
    const record = await ledger.getRun(id);
    if (record) {
      const report = await reportRun(ledger, record, {
        ...(host.hostMemoryGb ? { hostMemoryGb: host.hostMemoryGb } : {}),
        draws: 2_000,
      });
      // One line, after whatever the command printed itself: `footprint run --json -- CMD | tail -n 1`.
      if (values.json) io.stdout(`${JSON.stringify({ ...report, ledger: shown, notes })}\n`);
      else
        io.stderr(
          `\n${humanRunReport(report, { brief: true })}\nRecorded in ${shown} as ${id} (footprint show ${id})\n`,
        );
    }
  }
  await ledger.close();
  return exitCode;
}

export const runCommand: Command = {
  name: 'run',
  summary: 'run a command and measure its energy and carbon',
  help,
  run,
};
