/**
 * Opens the ledger, gathers and prices what the filters select, and builds the life-cycle report:
 * shared by report, statement, card and export, so all four describe the same numbers.
 */
import { FootprintError } from '../core/errors.js';
import { buildReport } from '../report/build-report.js';
import type { GroupBy, LifecycleReport, ReportFilters } from '../report/report-model.js';
import { procRoot, readMemInfo } from '../telemetry/procfs.js';
import type { Io } from './command.js';
import { titleOf } from './filters.js';
import { openLedger } from './ledger-access.js';
import { type GatheredItem, gatherItems } from './report-items.js';

export interface LoadedReport {
  readonly report: LifecycleReport;
  readonly items: readonly GatheredItem[];
}

export async function loadReport(
  io: Io,
  command: string,
  ledgerFlag: string | undefined,
  filters: ReportFilters,
  options: {
    groupBy?: GroupBy;
    power?: boolean;
    requireItems?: boolean;
    /** Narrows the gathered items (e.g. to named runs) before the report is built. */
    select?: (items: GatheredItem[]) => GatheredItem[];
  } = {},
): Promise<LoadedReport> {
  const { ledger } = await openLedger(io, ledgerFlag);
  try {
    const mem = readMemInfo(procRoot(io.env));
    const gathered = await gatherItems(ledger, filters, {
      ...(mem ? { hostMemoryGb: mem.totalBytes / 1024 ** 3 } : {}),
      ...(options.power ? { power: true } : {}),
    });
    const items = options.select ? options.select(gathered.items) : gathered.items;
    const power = gathered.power;
    if (items.length === 0 && (options.requireItems || filters.project || filters.model)) {
      throw new FootprintError(
        'not_found',
        `${command}: nothing recorded for ${titleOf(filters)}; footprint ls lists the runs`,
      );
    }
    const report = buildReport({
      title: titleOf(filters),
      generatedMs: Date.now(),
      filters,
      groupBy: options.groupBy ?? 'phase',
      items,
      ...(options.power ? { power } : {}),
    });
    return { report, items };
  } finally {
    await ledger.close();
  }
}
