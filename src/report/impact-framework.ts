/**
 * A Green Software Foundation Impact Framework manifest (IF 1.x, `if-run`) that recomputes a
 * report's carbon from its inputs with IF's builtin plugins, so a reader can check the arithmetic
 * with the GSF's own tool (docs/disclosures.md, "Impact Framework manifest"):
 *
 *   energy-facility            = energy × pue                              (Multiply)
 *   carbon-operational         = energy-facility × grid/carbon-intensity    (Multiply)
 *   carbon-operational-market  = energy-facility × grid/market-carbon-intensity (Multiply)
 *   carbon                     = carbon-operational + carbon-embodied      (Sum)
 *
 * Units follow IF's conventions: `energy` kWh, `grid/carbon-intensity` gCO2e/kWh, `carbon*` gCO2e,
 * `duration` s. Each run or entry is one child of `tree`, with one observation; aggregation sums
 * the children, so `tree.aggregated.carbon` is the report's total.
 */
import { stringify } from 'yaml';
import type { LifecycleReport, ReportItem } from './report-model.js';

/** The plugins' names in the manifest, in pipeline order. */
export const IF_PIPELINE = [
  'energy-facility',
  'carbon-operational',
  'carbon-operational-market',
  'carbon',
] as const;

type Aggregation = { readonly time: 'sum' | 'avg'; readonly component: 'sum' | 'avg' };
const SUM: Aggregation = { time: 'sum', component: 'sum' };
const AVG: Aggregation = { time: 'avg', component: 'avg' };

const meta = (unit: string, description: string, aggregation: Aggregation = SUM) => ({
  unit,
  description,
  'aggregation-method': aggregation,
});

const PARAMETERS = {
  energy: meta('kWh', 'IT energy of the run or entry (Footprint energy_kwh)'),
  pue: meta('ratio', 'power usage effectiveness of the site', AVG),
  'energy-facility': meta('kWh', 'facility energy: IT energy × PUE'),
  'grid/carbon-intensity': meta('gCO2e/kWh', 'grid carbon intensity, location-based', AVG),
  'grid/market-carbon-intensity': meta(
    'gCO2e/kWh',
    'effective market-based intensity: (1 − carbon-free-energy share) × residual-mix intensity',
    AVG,
  ),
  'carbon-operational': meta('gCO2e', 'operational carbon, location-based'),
  'carbon-operational-market': meta('gCO2e', 'operational carbon, market-based'),
  'carbon-embodied': meta(
    'gCO2e',
    "share of the hardware's embodied carbon, amortised over lifetime × utilization",
  ),
  carbon: meta('gCO2e', 'total: location-based operational + embodied'),
} as const;

type Parameter = keyof typeof PARAMETERS;
const pick = (...names: Parameter[]) => Object.fromEntries(names.map((n) => [n, PARAMETERS[n]]));

const multiply = (inputs: [Parameter, Parameter], output: Parameter) => ({
  method: 'Multiply',
  path: 'builtin',
  config: { 'input-parameters': inputs, 'output-parameter': output },
  'parameter-metadata': { inputs: pick(...inputs), outputs: pick(output) },
});

const PLUGINS = {
  'energy-facility': multiply(['energy', 'pue'], 'energy-facility'),
  'carbon-operational': multiply(['energy-facility', 'grid/carbon-intensity'], 'carbon-operational'),
  'carbon-operational-market': multiply(
    ['energy-facility', 'grid/market-carbon-intensity'],
    'carbon-operational-market',
  ),
  carbon: {
    method: 'Sum',
    path: 'builtin',
    config: { 'input-parameters': ['carbon-operational', 'carbon-embodied'], 'output-parameter': 'carbon' },
    'parameter-metadata': { inputs: pick('carbon-operational', 'carbon-embodied'), outputs: pick('carbon') },
  },
} satisfies Record<(typeof IF_PIPELINE)[number], unknown>;

/** `a × b` reproduces `product` to rounding: then the stated factor is the one to show. */
const reproduces = (a: number, b: number, product: number) =>
  Math.abs(a * b - product) <= 1e-12 * Math.max(1, Math.abs(product));

/**
 * The observation IF starts from for one item. PUE and intensity are the item's own when they
 * reproduce its figures; otherwise (an hourly-weighted intensity, a mixed-site roll-up) the
 * effective ratio, so that IF's arithmetic lands on Footprint's numbers.
 */
export function ifInputs(item: ReportItem): Record<string, string | number> {
  const { energyKwh: it, facilityEnergyKwh: facility } = item;
  const { location, market } = item.operationalGco2e;
  const pue = it > 0 && !reproduces(it, item.pue, facility) ? facility / it : item.pue;
  const intensity =
    facility > 0 && !reproduces(facility, item.intensityGco2ePerKwh, location)
      ? location / facility
      : item.intensityGco2ePerKwh;
  const marketIntensity = facility > 0 ? market / facility : item.intensityGco2ePerKwh;
  return {
    timestamp: new Date(item.startMs).toISOString(),
    duration: (item.durationHours ?? 0) * 3600,
    energy: it,
    pue,
    'grid/carbon-intensity': intensity,
    'grid/market-carbon-intensity': marketIntensity,
    'carbon-embodied': item.embodiedGco2e,
  };
}

/** The manifest as YAML text; children are keyed by item id. */
export function toImpactManifest(report: LifecycleReport): string {
  const children = Object.fromEntries(
    report.items.map((item) => [
      item.id,
      { pipeline: { compute: [...IF_PIPELINE] }, inputs: [ifInputs(item)] },
    ]),
  );
  const manifest = {
    name: report.title,
    description:
      `Footprint life-cycle report generated ${new Date(report.generatedMs).toISOString()}: one child per run or ` +
      'entry (key = its id); carbon = energy × PUE × grid intensity + embodied share, all in gCO2e. ' +
      'tree.aggregated.carbon is the report total.',
    tags: { kind: 'machine-learning', category: 'life-cycle' },
    aggregation: {
      metrics: [
        'energy',
        'energy-facility',
        'carbon-operational',
        'carbon-operational-market',
        'carbon-embodied',
        'carbon',
      ],
      type: 'both',
    },
    initialize: { plugins: PLUGINS },
    tree: { children },
  };
  return stringify(manifest, { lineWidth: 0, aliasDuplicateObjects: false });
}
