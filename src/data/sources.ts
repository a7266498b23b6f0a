/**
 * Where each reference table comes from and under which licence, for `footprint data sources`
 * and the docs. Attribution of ODbL and CC BY-SA data is a licence condition, not a courtesy.
 */
import { ELECTRICITY_MAPS_ATTRIBUTION, EMBER_ATTRIBUTION } from './grid.js';

export interface DataSource {
  readonly table: string;
  readonly source: string;
  readonly licence: string;
  readonly attribution?: string;
}

export const DATA_SOURCES: readonly DataSource[] = Object.freeze([
  {
    table: 'Grid intensity by Electricity Maps zone (annual, 2021–2025)',
    source: 'Electricity Maps yearly data as packaged in the npm package @tgwf/co2 (Green Web Foundation)',
    licence: 'ODbL 1.0',
    attribution: ELECTRICITY_MAPS_ATTRIBUTION,
  },
  {
    table: 'Grid intensity by country (annual, ISO-3 / ISO-2)',
    source: 'Ember yearly electricity data as packaged in the npm package @tgwf/co2',
    licence: 'CC BY-SA 4.0',
    attribution: EMBER_ATTRIBUTION,
  },
  {
    table: 'Cloud regions → grid zone and PUE',
    source:
      'provider sustainability reports and data-centre pages, one source per row (footprint data regions --json)',
    licence: 'facts, typed in by the Footprint authors',
  },
  {
    table: 'Accelerators and server CPUs: TDP, idle power, die area, embodied carbon',
    source: 'vendor spec sheets; embodied from published figures or the die-area method (docs/data/)',
    licence: 'facts, typed in by the Footprint authors',
  },
  {
    table: 'DRAM, storage and server chassis: power and embodied carbon',
    source: 'Green Algorithms, published LCAs and Wu et al. 2022 (docs/data/regions-and-components.md)',
    licence: 'facts, typed in by the Footprint authors',
  },
  {
    table: 'Defaults (PUE, load, lifetime, utilization) and their ranges',
    source: 'docs/methodology.md, one source per default',
    licence: 'facts, typed in by the Footprint authors',
  },
]);
