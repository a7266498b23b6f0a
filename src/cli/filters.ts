/**
 * The report filters every life-cycle command shares: --project, --model, --since, --until.
 */
import { FootprintError } from '../core/errors.js';
import type { ReportFilters } from '../report/report-model.js';

export const FILTER_OPTIONS = {
  project: { type: 'string' },
  model: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
} as const;

export const FILTER_HELP = `  --project P    only this project
  --model M      only this model
  --since DATE   from this date (YYYY-MM-DD or an ISO time, UTC), inclusive
  --until DATE   before this date, exclusive`;

function date(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(
    /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? `${value.length === 7 ? `${value}-01` : value}T00:00:00Z` : value,
  );
  if (!Number.isFinite(ms))
    throw new FootprintError('usage', `${command}: ${flag} must be a date such as 2026-03-01, got ${value}`);
  return ms;
}

export function filtersOf(
  command: string,
  values: {
    project?: string | undefined;
    model?: string | undefined;
    since?: string | undefined;
    until?: string | undefined;
  },
): ReportFilters {
  const sinceMs = date(command, '--since', values.since);
  const untilMs = date(command, '--until', values.until);
  if (sinceMs !== undefined && untilMs !== undefined && untilMs <= sinceMs) {
    throw new FootprintError('usage', `${command}: --until must be after --since`);
  }
  return {
    ...(values.project ? { project: values.project } : {}),
    ...(values.model ? { model: values.model } : {}),
    ...(sinceMs !== undefined ? { sinceMs } : {}),
    ...(untilMs !== undefined ? { untilMs } : {}),
  };
}

export const titleOf = (f: ReportFilters): string =>
  [
    f.project ? `project ${f.project}` : 'all projects',
    f.model ? `model ${f.model}` : undefined,
    f.sinceMs !== undefined ? `since ${new Date(f.sinceMs).toISOString().slice(0, 10)}` : undefined,
    f.untilMs !== undefined ? `until ${new Date(f.untilMs).toISOString().slice(0, 10)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
