/**
 * What every backend refuses before it writes, in one place so SQLite and PostgreSQL refuse the same
 * things with the same messages. Plain checks, no zod: `checkSample` runs once per sample on the
 * ingest hot path, and only builds a message when a sample is bad.
 */
import { FootprintError } from '../core/errors.js';
import { PHASES, type Phase } from '../core/job.js';
import type { EnergySample, Marker } from '../core/measurement.js';
import type { NewRun, RunEnd } from './ledger.js';

const isPhase = (p: unknown): p is Phase => (PHASES as readonly unknown[]).includes(p);
const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const show = (v: unknown): string => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)));

function bad(what: string, expected: string, got: unknown): never {
  throw new FootprintError('invalid_value', `${what} must be ${expected}, got ${show(got)}`);
}

function checkStringMap(what: string, map: Readonly<Record<string, unknown>>): void {
  for (const [k, v] of Object.entries(map)) if (typeof v !== 'string') bad(`${what}.${k}`, 'a string', v);
}

export function checkNewRun(run: NewRun): void {
  if (typeof run.id !== 'string' || run.id.trim() === '' || run.id === 'last')
    bad('run id', "a non-empty string other than 'last'", run.id);
  const what = `run ${run.id}`;
  if (!Array.isArray(run.command) || run.command.some((a) => typeof a !== 'string'))
    bad(`${what}: command`, 'an array of strings', run.command);
  if (!Number.isSafeInteger(run.wrapperPid) || run.wrapperPid <= 0)
    bad(`${what}: wrapperPid`, 'a positive integer', run.wrapperPid);
  if (!finite(run.startMs)) bad(`${what}: startMs`, 'a finite number', run.startMs);
  if (!finite(run.intervalS) || run.intervalS <= 0)
    bad(`${what}: intervalS`, 'a positive number of seconds', run.intervalS);
  if (!isPhase(run.phase)) bad(`${what}: phase`, `one of ${PHASES.join(', ')}`, run.phase);
  if (run.project !== undefined && run.project.trim() === '')
    bad(`${what}: project`, 'a non-empty string', run.project);
  if (run.tags) checkStringMap(`${what}: tags`, run.tags);
  const site = run.site;
  if (site?.pue !== undefined && !(finite(site.pue) && site.pue >= 1))
    bad(`${what}: site.pue`, 'a number ≥ 1', site.pue);
  if (site?.cfe !== undefined && !(finite(site.cfe) && site.cfe >= 0 && site.cfe <= 1))
    bad(`${what}: site.cfe`, 'a share in [0, 1]', site.cfe);
}

/** True when the sample can be stored; call `explainSample` for the message when it cannot. */
export const sampleOk = (s: EnergySample): boolean =>
  Number.isFinite(s.startMs) &&
  Number.isFinite(s.endMs) &&
  s.endMs >= s.startMs &&
  s.energyJ >= 0 &&
  s.energyJ < Number.POSITIVE_INFINITY &&
  s.attributedJ >= 0 &&
  s.attributedJ < Number.POSITIVE_INFINITY;

export function explainSample(runId: string, index: number, s: EnergySample): FootprintError {
  const at = `run ${runId}: samples[${index}] (device ${s.deviceId})`;
  const problem = !finite(s.startMs)
    ? `startMs must be a finite number, got ${show(s.startMs)}`
    : !finite(s.endMs)
      ? `endMs must be a finite number, got ${show(s.endMs)}`
      : s.endMs < s.startMs
        ? `endMs (${s.endMs}) must not be before startMs (${s.startMs})`
        : !(finite(s.energyJ) && s.energyJ >= 0)
          ? `energyJ must be a finite number ≥ 0, got ${show(s.energyJ)}`
          : `attributedJ must be a finite number ≥ 0, got ${show(s.attributedJ)}`;
  return new FootprintError('invalid_value', `${at}: ${problem}; nothing of this batch was stored`);
}

export function checkMarker(runId: string, m: Marker): void {
  const what = `run ${runId}: marker`;
  if (!finite(m.atMs)) bad(`${what} atMs`, 'a finite number', m.atMs);
  if (typeof m.label !== 'string') bad(`${what} label`, 'a string', m.label);
  if (m.phase !== undefined && !isPhase(m.phase))
    bad(`${what} phase`, `one of ${PHASES.join(', ')}`, m.phase);
  checkStringMap(`${what} attrs`, m.attrs);
}

const END_STATUSES: readonly string[] = ['completed', 'failed', 'interrupted'];

export function checkRunEnd(runId: string, end: RunEnd): void {
  const what = `run ${runId}: end`;
  if (!finite(end.endMs)) bad(`${what}Ms`, 'a finite number', end.endMs);
  if (!END_STATUSES.includes(end.status)) bad(`${what} status`, END_STATUSES.join(', '), end.status);
  if (end.exitCode !== undefined && !Number.isSafeInteger(end.exitCode))
    bad(`${what} exitCode`, 'an integer', end.exitCode);
}

export function checkTime(what: string, ms: number): void {
  if (!finite(ms)) bad(what, 'a finite number of ms', ms);
}
