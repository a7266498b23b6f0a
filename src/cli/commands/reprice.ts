/**
 * `footprint reprice RUN|--model M [changes]`: the same measured work priced under other
 * conditions — zone or region, PUE, CFE share, hardware, utilization, lifetime, a speed-up —
 * side by side with what was recorded.
 */
import { estimateSpec } from '../../analysis/estimate.js';
import { type RepriceOptions, repriceSpec, swapsHardware } from '../../analysis/reprice.js';
import { FootprintError } from '../../core/errors.js';
import { type PricedJob, sumTotals, type Totals } from '../../core/price.js';
import { numberOption, parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { formatGrams, formatKwh, table } from '../format.js';
import { loadReport } from '../load-report.js';
import type { GatheredItem } from '../report-items.js';

const help = `Usage: footprint reprice RUN|--model M [--zone Z | --region R] [--pue X] [--cfe F]
                         [--hardware MODEL] [--utilization U] [--lifetime-years Y] [--speedup K] [--json]

Prices recorded work again under other conditions and shows both side by side:
  --zone Z / --region R   another grid zone or cloud region
  --pue X                 another data-centre PUE
  --cfe F                 a carbon-free-energy share for the market-based figure
  --hardware MODEL        other accelerators (or CPUs): energy scales with board power ÷ speed-up
  --utilization U         another fleet utilization for embodied carbon
  --lifetime-years Y      another hardware lifetime for embodied carbon
  --speedup K             the same work done K times faster (an optimisation, a newer chip)
RUN is a run id, a prefix of one, or "last"; --model reprices every run and entry of a model.`;

const num = (v: string | undefined, flag: string, ok: (n: number) => boolean, words: string) =>
  numberOption('reprice', flag, v, ok, words);

const change = (a: number, b: number) =>
  a === 0 ? (b === 0 ? '0 %' : '–') : `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(1)} %`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('reprice', argv, {
    model: { type: 'string' },
    zone: { type: 'string' },
    region: { type: 'string' },
    pue: { type: 'string' },
    cfe: { type: 'string' },
    hardware: { type: 'string' },
    utilization: { type: 'string' },
    'lifetime-years': { type: 'string' },
    speedup: { type: 'string' },
    json: { type: 'boolean' },
    ledger: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  if ((positionals.length === 1) === (values.model !== undefined) || positionals.length > 1) {
    throw new FootprintError('usage', 'reprice: give one RUN or --model M; see footprint reprice --help');
  }
  const options: RepriceOptions = {
    ...(values.zone ? { zone: values.zone } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values.pue !== undefined
      ? { pue: num(values.pue, '--pue', (n) => n >= 1, 'at least 1') as number }
      : {}),
    ...(values.cfe !== undefined
      ? { cfe: num(values.cfe, '--cfe', (n) => n >= 0 && n <= 1, 'between 0 and 1') as number }
      : {}),
    ...(values.hardware ? { hardware: values.hardware } : {}),
    ...(values.utilization !== undefined
      ? {
          utilization: num(
            values.utilization,
            '--utilization',
            (n) => n > 0 && n <= 1,
            'in (0, 1]',
          ) as number,
        }
      : {}),
    ...(values['lifetime-years'] !== undefined
      ? {
          lifetimeYears: num(
            values['lifetime-years'],
            '--lifetime-years',
            (n) => n > 0,
            'positive',
          ) as number,
        }
      : {}),
    ...(values.speedup !== undefined
      ? { speedup: num(values.speedup, '--speedup', (n) => n > 0, 'positive') as number }
      : {}),
  };
  if (Object.keys(options).length === 0)
    throw new FootprintError(
      'usage',
      'reprice: say what to change (--zone, --pue, --hardware, …); see footprint reprice --help',
    );

  const ref = positionals[0];
  const { items } = await loadReport(
    io,
    'reprice',
    values.ledger,
    values.model ? { model: values.model } : {},
    { requireItems: true },
  );
  const chosen = ref === undefined ? items : pickRun(items, ref);
  if (options.hardware && !chosen.some((i) => swapsHardware(i.specOf(), options.hardware as string))) {
    throw new FootprintError(
      'invalid_spec',
      `reprice: nothing in ${ref ?? `model ${values.model}`} runs on hardware that ${options.hardware} could replace`,
    );
  }
  const before: PricedJob[] = [];
  const after: PricedJob[] = [];
  for (const item of chosen) {
    before.push(item.priced);
    after.push(
      estimateSpec(repriceSpec(item.specOf(), options), `reprice ${item.item.id}`, { draws: 1, seed: 1 })
        .priced,
    );
  }
  const a = sumTotals(before);
  const b = sumTotals(after);
  const subject = ref ?? `model ${values.model}`;
  if (values.json) {
    io.stdout(
      `${JSON.stringify({ subject, changes: options, items: chosen.map((i) => i.item.id), recorded: toJson(a), repriced: toJson(b) }, null, 2)}\n`,
    );
    return 0;
  }
  const rows: [string, (t: Totals) => number, (x: number) => string][] = [
    ['IT energy', (t) => t.energyKwh, formatKwh],
    ['Facility energy', (t) => t.facilityEnergyKwh, formatKwh],
    ['Operational, location-based', (t) => t.operationalGco2e.location, formatGrams],
    ['Operational, market-based', (t) => t.operationalGco2e.market, formatGrams],
    ['Embodied', (t) => t.embodiedGco2e, formatGrams],
    ['Total', (t) => t.totalGco2e, formatGrams],
  ];
  io.stdout(
    `Reprice ${subject} (${chosen.length} item(s)): ${Object.entries(options)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}\n\n${table([
      ['', 'as recorded', 'repriced', 'change'],
      ...rows.map(([name, f, fmt]) => [name, fmt(f(a)), fmt(f(b)), change(f(a), f(b))]),
    ])}\n`,
  );
  return 0;
}

function pickRun(items: readonly GatheredItem[], ref: string): GatheredItem[] {
  const runs = items.filter((i) => i.item.kind === 'run');
  if (ref === 'last') {
    const last = [...runs].sort((x, y) => y.item.startMs - x.item.startMs)[0];
    if (!last) throw new FootprintError('not_found', 'reprice: no finished run in the ledger');
    const base = last.item.id.split('#')[0] as string;
    return runs.filter((i) => i.item.id.split('#')[0] === base);
  }
  const matches = runs.filter((i) => i.item.id.startsWith(ref));
  const ids = new Set(matches.map((i) => i.item.id.split('#')[0]));
  if (ids.size === 0)
    throw new FootprintError('not_found', `reprice: no finished run "${ref}"; footprint ls lists the runs`);
  if (ids.size > 1)
    throw new FootprintError(
      'not_found',
      `reprice: "${ref}" names several runs (${[...ids].slice(0, 5).join(', ')}); give more of the id`,
    );
  return matches;
}

const toJson = (t: Totals) => ({
  energy_kwh: t.energyKwh,
  facility_energy_kwh: t.facilityEnergyKwh,
  operational_gco2e: { ...t.operationalGco2e },
  embodied_gco2e: t.embodiedGco2e,
  total_gco2e: t.totalGco2e,
});

export const repriceCommand: Command = {
  name: 'reprice',
  summary: 'price recorded work under other conditions',
  help,
  run,
};
