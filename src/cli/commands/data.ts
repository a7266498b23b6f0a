/**
 * `footprint data zones|regions|hardware|sources [--search TEXT] [--json]`: the reference data,
 * with the source of every row.
 */
import { FootprintError } from '../../core/errors.js';
import {
  COUNTRIES,
  ELECTRICITY_MAPS_ATTRIBUTION,
  EMBER_ATTRIBUTION,
  LATEST_YEAR,
  ZONES,
} from '../../data/grid.js';
import { searchChips } from '../../data/hardware/catalog.js';
import { searchRegions } from '../../data/region-lookup.js';
import { DATA_SOURCES } from '../../data/sources.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { formatNumber, table } from '../format.js';

const help = `Usage: footprint data zones|regions|hardware|sources [--search TEXT] [--json]

  zones     annual grid carbon intensity by Electricity Maps zone and by country
  regions   cloud regions (AWS, GCP, Azure) with their grid zone and PUE
  hardware  accelerators and server CPUs: TDP, idle power, embodied carbon
  sources   where every table comes from, with licences and attribution

Options:
  --search TEXT  only rows whose name or id contains every word of TEXT
  --json         rows as JSON, every figure with its source
  -h, --help     this text`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('data', argv, {
    search: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const what = positionals[0];
  if (positionals.length !== 1 || !['zones', 'regions', 'hardware', 'sources'].includes(what ?? '')) {
    throw new FootprintError(
      'usage',
      'data: say which table: zones, regions, hardware or sources; see footprint data --help',
    );
  }
  const search = values.search ?? '';
  const out = (rows: unknown[], human: () => string) => {
    if (rows.length === 0 && search !== '') {
      throw new FootprintError('not_found', `data ${what}: nothing matches "${search}"`);
    }
    io.stdout(values.json ? `${JSON.stringify(rows, null, 2)}\n` : `${human()}\n`);
  };
  if (what === 'zones') {
    const words = search.toLowerCase().split(/\s+/).filter(Boolean);
    const rows = [...ZONES.values(), ...COUNTRIES.values()].filter((z) =>
      words.every((w) => `${z.id} ${z.name}`.toLowerCase().includes(w)),
    );
    out(
      rows.map((z) => ({
        id: z.id,
        name: z.name,
        dataset: z.dataset,
        years: z.years.map((y) => ({
          year: y.year || null,
          intensity_gco2e_per_kwh: y.intensity,
          grid_cfe_fraction: y.gridCfe ?? null,
        })),
        source: z.dataset === 'ember' ? EMBER_ATTRIBUTION : ELECTRICITY_MAPS_ATTRIBUTION,
      })),
      () =>
        `${table([
          ['zone', 'name', `gCO2e/kWh (${LATEST_YEAR} or latest)`, 'grid CFE', 'dataset'],
          ...rows.map((z) => {
            const y = z.years[0];
            return [
              z.id,
              z.name,
              y ? formatNumber(y.intensity, 4) : '',
              y?.gridCfe === undefined ? '' : `${Math.round(y.gridCfe * 100)} %`,
              z.dataset,
            ];
          }),
        ])}\n\n${rows.length} zones. Sources: footprint data sources`,
    );
  } else if (what === 'regions') {
    const rows = searchRegions(search);
    out(
      rows,
      () =>
        `${table([
          ['region', 'location', 'grid zone', 'PUE'],
          ...rows.map((r) => [r.id, r.location, r.zone, formatNumber(r.pue, 3)]),
        ])}\n\n${rows.length} regions. Sources: footprint data regions --json`,
    );
  } else if (what === 'hardware') {
    const rows = searchChips(search);
    out(
      rows,
      () =>
        `${table([
          ['model', 'type', 'TDP W', 'idle W', 'embodied kgCO2e', 'year'],
          ...rows.map((r) => [
            r.name,
            r.type,
            formatNumber(r.tdp_w, 4),
            r.idle_w === undefined ? '–' : formatNumber(r.idle_w, 3),
            formatNumber(r.embodied_kgco2e, 3),
            String(r.year),
          ]),
        ])}\n\n${rows.length} models. Sources per row: footprint data hardware --json`,
    );
  } else {
    out([...DATA_SOURCES], () =>
      DATA_SOURCES.map(
        (s) =>
          `${s.table}\n  ${s.source}\n  licence: ${s.licence}${s.attribution ? `\n  attribution: ${s.attribution}` : ''}`,
      ).join('\n\n'),
    );
  }
  return 0;
}

export const dataCommand: Command = {
  name: 'data',
  summary: 'reference data: zones, regions, hardware, sources',
  help,
  run,
};
