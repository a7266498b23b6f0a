/**
 * A report's rows as CSV (RFC 4180): one line per group plus a total line that is the sum of the
 * rows. Base units in the header names (kWh, gCO2e), no scaling: spreadsheets do their own.
 */
import { csvLine } from './csv.js';
import type { LifecycleReport } from './report-model.js';

export function reportCsv(report: LifecycleReport): string {
  const header = [
    report.groupBy,
    'items',
    'energy_kwh',
    'facility_energy_kwh',
    'operational_location_gco2e',
    'operational_market_gco2e',
    'embodied_gco2e',
    'total_gco2e',
    'share',
  ];
  const line = (key: string, items: number | string, t: LifecycleReport['total'], share: number | string) =>
    csvLine(
      [
        key,
        items,
        t.energyKwh,
        t.facilityEnergyKwh,
        t.operationalGco2e.location,
        t.operationalGco2e.market,
        t.embodiedGco2e,
        t.totalGco2e,
        share,
      ].map(String),
    );
  return `${[
    header.join(','),
    ...report.rows.map((r) => line(r.key, r.items, r, r.share)),
    line('total', report.items.length, report.total, 1),
  ].join('\r\n')}\r\n`;
}
