/**
 * A recorded run, priced and put into words: shared by `footprint run` (the closing summary) and
 * `footprint show`. Energy per device (whole and attributed, with how it was obtained), per phase,
 * operational and embodied carbon, and the provenance of every number.
 */
import { runJobs } from '../analysis/price-run.js';
import type { SiteSpec } from '../analysis/spec.js';
import { simulate } from '../core/monte-carlo.js';
import { type PricedJob, priceJob } from '../core/price.js';
import type { Ledger, RunRecord, RunSite } from '../ledger/ledger.js';
import { type FootprintJson, footprintJson } from '../report/footprint-json.js';
import { formatGrams, formatKwh, formatNumber, table } from './format.js';

export const siteSpecOf = (site: RunSite | undefined): SiteSpec => ({
  ...(site?.zone ? { zone: site.zone } : {}),
  ...(site?.region ? { region: site.region } : {}),
  ...(site?.pue !== undefined ? { pue: site.pue } : {}),
  ...(site?.cfe !== undefined ? { cfe_fraction: site.cfe } : {}),
});

export interface RunReport {
  readonly run: RunRecord;
  readonly devices: readonly {
    readonly id: string;
    readonly kind: string;
    readonly name: string;
    readonly model?: string;
    readonly method: string;
    readonly provenance: string;
    readonly source: string;
    readonly energy_kwh: number;
    readonly attributed_energy_kwh: number;
  }[];
  readonly phases: readonly { readonly phase: string; readonly priced: PricedJob }[];
  readonly footprint: FootprintJson;
  readonly markers: number;
}

export async function reportRun(
  ledger: Ledger,
  run: RunRecord,
  options: { hostMemoryGb?: number; whole?: boolean; draws?: number } = {},
): Promise<RunReport> {
  const [devices, samples, markers, energies] = await Promise.all([
    ledger.devices(run.id),
    ledger.samples(run.id),
    ledger.markers(run.id),
    ledger.energyByDevice(run.id),
  ]);
  const endMs = run.endMs ?? Math.max(run.lastSeenMs, ...samples.map((s) => s.endMs));
  const jobs = runJobs({
    phase: run.phase,
    startMs: run.startMs,
    endMs,
    devices,
    samples,
    markers,
    site: siteSpecOf(run.site),
    ...(options.hostMemoryGb ? { hostMemoryGb: options.hostMemoryGb } : {}),
    ...(options.whole ? { whole: true } : {}),
  });
  const total = priceJob(jobs.total);
  const uncertainty = simulate(jobs.total, { draws: options.draws ?? 10_000, seed: 1 });
  return {
    run,
    devices: devices.map((d) => {
      const e = energies.find((x) => x.deviceId === d.id);
      return {
        id: d.id,
        kind: d.kind,
        name: d.name,
        ...(d.model ? { model: d.model } : {}),
        method: d.method,
        provenance: d.provenance,
        source: d.source,
        energy_kwh: (e?.energyJ ?? 0) / 3.6e6,
        attributed_energy_kwh: (e?.attributedJ ?? 0) / 3.6e6,
      };
    }),
    phases: jobs.byPhase.map((job) => ({ phase: job.phase, priced: priceJob(job) })),
    footprint: footprintJson(total, uncertainty, jobs.total.provenance, run.id),
    markers: markers.length,
  };
}

const duration = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return s < 60
    ? `${s} s`
    : s < 3600
      ? `${Math.floor(s / 60)} min ${s % 60} s`
      : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
};

/** `brief`: the closing summary of `footprint run`; the full provenance is in `footprint show`. */
export function humanRunReport(r: RunReport, options: { brief?: boolean } = {}): string {
  const f = r.footprint;
  const u = f.uncertainty;
  const lines: string[] = [];
  const run = r.run;
  lines.push(
    `Run ${run.id} · ${run.status}${run.exitCode !== undefined ? ` (exit ${run.exitCode})` : ''}${run.signal ? ` (${run.signal})` : ''}`,
  );
  lines.push(`  ${run.command.join(' ')}`);
  lines.push(
    `  ${new Date(run.startMs).toISOString()} · ${duration((run.endMs ?? run.lastSeenMs) - run.startMs)} · ${run.host} · project ${run.project}${run.model ? ` · model ${run.model}` : ''} · ${r.markers} marker(s)`,
  );
  lines.push('');
  lines.push(
    table([
      ['device', 'how', 'whole device', 'this job'],
      ...r.devices.map((d) => [
        `${d.name} (${d.kind})`,
        d.provenance === 'measured' ? `measured, ${d.method}` : 'modelled',
        formatKwh(d.energy_kwh),
        formatKwh(d.attributed_energy_kwh),
      ]),
    ]),
  );
  if (r.phases.length > 1) {
    lines.push('');
    lines.push(
      table([
        ['phase', 'energy', 'operational', 'embodied'],
        ...r.phases.map((p) => [
          p.phase,
          formatKwh(p.priced.energyKwh),
          formatGrams(p.priced.operationalGco2e.location),
          formatGrams(p.priced.embodiedGco2e),
        ]),
      ]),
    );
  }
  lines.push('');
  lines.push(
    table([
      ['', 'most likely', 'p5 – p95'],
      [
        'IT energy',
        formatKwh(f.energy_kwh),
        `${formatKwh(u.energy_kwh.p5)} – ${formatKwh(u.energy_kwh.p95)}`,
      ],
      [
        'Operational, location-based',
        formatGrams(f.operational_gco2e.location),
        `${formatGrams(u.operational_gco2e.location.p5)} – ${formatGrams(u.operational_gco2e.location.p95)}`,
      ],
      [
        'Operational, market-based',
        formatGrams(f.operational_gco2e.market),
        `${formatGrams(u.operational_gco2e.market.p5)} – ${formatGrams(u.operational_gco2e.market.p95)}`,
      ],
      [
        'Embodied',
        formatGrams(f.embodied_gco2e),
        `${formatGrams(u.embodied_gco2e.p5)} – ${formatGrams(u.embodied_gco2e.p95)}`,
      ],
      [
        'Total',
        formatGrams(f.total_gco2e),
        `${formatGrams(u.total_gco2e.p5)} – ${formatGrams(u.total_gco2e.p95)}`,
      ],
    ]),
  );
  const modelled = r.devices.filter((d) => d.provenance === 'modelled');
  const defaults = f.provenance.filter((p) => p.kind === 'default');
  if (options.brief) {
    lines.push('');
    lines.push(
      `${modelled.length > 0 ? `Modelled, not measured: ${modelled.map((d) => d.name).join(', ')} · ` : ''}${defaults.length} default(s) used · full provenance: footprint show ${run.id}`,
    );
    return lines.join('\n');
  }
  if (modelled.length > 0) {
    lines.push('');
    lines.push(`Modelled, not measured: ${modelled.map((d) => `${d.name} — ${d.source}`).join('; ')}`);
  }
  if (defaults.length > 0) {
    lines.push('Defaults used:');
    for (const d of defaults)
      lines.push(
        `  ${d.field} = ${typeof d.value === 'number' ? formatNumber(d.value, 4) : d.value} — ${d.source}`,
      );
  }
  return lines.join('\n');
}
