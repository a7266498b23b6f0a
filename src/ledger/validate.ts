/**
 * What every backend refuses before it writes, in one place so SQLite and PostgreSQL refuse the same
 * things with the same messages. Plain checks, no zod: `checkSample` runs once per sample on the
 * ingest hot path, and only builds a message when a sample is bad.
 */
import { ENTRY_SOURCES, type Entry } from '../core/entry.js';
import { FootprintError } from '../core/errors.js';
import { PHASES, type Phase } from '../core/job.js';
import type { EnergySample, Marker } from '../core/measurement.js';
import type { EntryQuery, NewRun, RunEnd, RunQuery } from './ledger.js';

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

/** The `[sinceMs, untilMs)` window of a query: finite numbers when given. */
function checkWindow(what: string, q: { readonly sinceMs?: number; readonly untilMs?: number }): void {
  if (q.sinceMs !== undefined && !finite(q.sinceMs))
    bad(`${what} sinceMs`, 'a finite number of ms', q.sinceMs);
  if (q.untilMs !== undefined && !finite(q.untilMs))
    bad(`${what} untilMs`, 'a finite number of ms', q.untilMs);
}

export function checkRunQuery(what: string, q: RunQuery): void {
  if (q.limit !== undefined && !(Number.isSafeInteger(q.limit) && q.limit >= 0))
    throw new FootprintError('invalid_value', `${what} limit must be a whole number ≥ 0, got ${q.limit}`);
  checkWindow(what, q);
}

export function checkEntryQuery(q: EntryQuery): void {
  checkWindow('listEntries', q);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks every entry before anything is written; returns their specs as JSON text. */
export function checkEntries(entries: readonly Entry[]): string[] {
  try {
    return entries.map((e, i) => checkEntry(i, e));
  } catch (err) {
    if (err instanceof FootprintError)
      throw new FootprintError(err.code, `${err.message}; nothing of this batch was stored`);
    throw err;
  }
}

/**
 * `entries[index]` can be stored: the fields the ledger keeps have the right types. The spec itself
 * is the caller's to validate (it is priced later); here it only has to be a JSON object. Returns the
 * spec as JSON text, so it is serialised once.
 */
export function checkEntry(index: number, e: Entry): string {
  const at = `entries[${index}]`;
  if (!isPlainObject(e)) bad(at, 'an object', e);
  if (typeof e.id !== 'string' || e.id.trim() === '') bad(`${at} id`, 'a non-empty string', e.id);
  const what = `${at} (${e.id})`;
  if (typeof e.project !== 'string' || e.project.trim() === '')
    bad(`${what} project`, 'a non-empty string', e.project);
  if (e.model !== undefined && typeof e.model !== 'string') bad(`${what} model`, 'a string', e.model);
  if (!isPhase(e.phase)) bad(`${what} phase`, `one of ${PHASES.join(', ')}`, e.phase);
  if (e.trainingType !== undefined && e.trainingType !== 'offline' && e.trainingType !== 'online')
    bad(`${what} trainingType`, 'offline or online', e.trainingType);
  if (typeof e.label !== 'string') bad(`${what} label`, 'a string', e.label);
  if (!finite(e.atMs)) bad(`${what} atMs`, 'a finite number of ms', e.atMs);
  if (!(ENTRY_SOURCES as readonly unknown[]).includes(e.source))
    bad(`${what} source`, `one of ${ENTRY_SOURCES.join(', ')}`, e.source);
  if (e.importKey !== undefined && (typeof e.importKey !== 'string' || e.importKey === ''))
    bad(`${what} importKey`, 'a non-empty string', e.importKey);
  if (e.predictions !== undefined && !(finite(e.predictions) && e.predictions >= 0))
    bad(`${what} predictions`, 'a finite number ≥ 0', e.predictions);
  if (!isPlainObject(e.attrs)) bad(`${what} attrs`, 'an object of strings', e.attrs);
  checkStringMap(`${what} attrs`, e.attrs);
  if (!isPlainObject(e.spec)) bad(`${what} spec`, 'an object', e.spec);
  try {
    return JSON.stringify(e.spec);
  } catch (err) {
    throw new FootprintError(
      'invalid_value',
      `${what} spec cannot be stored as JSON (${err instanceof Error ? err.message : String(err)})`,
    );
  }
}

/** An entry whose id the ledger already has (under another import key, or none). */
export const entryIdTaken = (id: string, where: string, cause: unknown): FootprintError =>
  new FootprintError(
    'invalid_value',
    `entry id ${id} is already in the ledger ${where} (an entry imported again is recognised by its importKey); nothing of this batch was stored`,
    { cause },
  );
