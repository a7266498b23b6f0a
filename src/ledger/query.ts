/**
 * The WHERE clauses of the ledger's list queries, built once for both backends: the caller passes
 * how its driver spells the n-th placeholder (`?` for SQLite, `$n` for PostgreSQL). Only column
 * names written here reach the SQL; every value is a parameter.
 */
import type { EntryQuery, RunQuery } from './ledger.js';

export interface Filter {
  /** `WHERE …`, or empty when nothing is filtered. */
  readonly where: string;
  readonly params: unknown[];
}

/** The placeholder for the parameter at 0-based `index`. */
export type Placeholder = (index: number) => string;

type Condition = readonly [sql: (p: string) => string, value: unknown];

function build(conditions: readonly Condition[], placeholder: Placeholder): Filter {
  const used = conditions.filter(([, v]) => v !== undefined);
  const parts = used.map(([sql], i) => sql(placeholder(i)));
  return {
    where: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '',
    params: used.map(([, v]) => v),
  };
}

/** Runs by project, model, status and start time in `[sinceMs, untilMs)`; `alias` is `r.` or empty. */
export const runFilter = (q: RunQuery, placeholder: Placeholder, alias = ''): Filter =>
  build(
    [
      [(p) => `${alias}project = ${p}`, q.project],
      [(p) => `${alias}model = ${p}`, q.model],
      [(p) => `${alias}status = ${p}`, q.status],
      [(p) => `${alias}start_ms >= ${p}`, q.sinceMs],
      [(p) => `${alias}start_ms < ${p}`, q.untilMs],
    ],
    placeholder,
  );

/** Entries by project, model and `atMs` in `[sinceMs, untilMs)`. */
export const entryFilter = (q: EntryQuery, placeholder: Placeholder): Filter =>
  build(
    [
      [(p) => `project = ${p}`, q.project],
      [(p) => `model = ${p}`, q.model],
      [(p) => `at_ms >= ${p}`, q.sinceMs],
      [(p) => `at_ms < ${p}`, q.untilMs],
    ],
    placeholder,
  );
