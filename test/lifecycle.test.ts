/**
 * The life-cycle commands end to end through the real CLI: runs and declared entries rolled up by
 * phase, imports counted once, exports that another machine prices the same, disclosures, and
 * bad input refused whole.
 */
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { ROOT, runCli } from './support/cli.js';
import { raplTree } from './support/fixture-tree.js';
import { freshHome } from './support/footprint-home.js';

interface Totals {
  energyKwh: number;
  facilityEnergyKwh: number;
  totalGco2e: number;
  embodiedGco2e: number;
  operationalGco2e: { location: number; market: number };
}
interface ReportJson {
  rows: (Totals & { key: string; items: number })[];
  total: Totals;
  byPhase: Record<string, Totals>;
  items: (Totals & { id: string; phase: string; kind: string; basis: string })[];
  defaults: { field: string; value: unknown; source: string }[];
  modelled: { id: string }[];
  inference?: { predictions: number; gco2ePer1000: number };
}

const ok = (r: ReturnType<typeof runCli>) => {
  assert.equal(r.code, 0, r.stderr);
  return r;
};
const report = (env: NodeJS.ProcessEnv, ...args: string[]) =>
  JSON.parse(ok(runCli(['report', '--json', ...args], { env })).stdout) as ReportJson;
const close = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
const BUSY = (ms: number) => `const t = Date.now(); while (Date.now() - t < ${ms}) {}`;

/** Two measured runs and three declared entries of one model across the life cycle. */
function lifeOfAModel(): NodeJS.ProcessEnv {
  const { env } = freshHome();
  const m = ['--project', 'demo', '--model', 'tiny'];
  ok(
    runCli(
      [
        'run',
        '--quiet',
        '--phase',
        'experimentation',
        '--zone',
        'FR',
        ...m,
        '--',
        process.execPath,
        '-e',
        BUSY(300),
      ],
      { env },
    ),
  );
  ok(
    runCli(
      [
        'run',
        '--quiet',
        '--phase',
        'training',
        '--zone',
        'DE',
        ...m,
        '--',
        process.execPath,
        '-e',
        BUSY(300),
      ],
      { env },
    ),
  );
  ok(
    runCli(['add', '--phase', 'data', '--storage-tb', '20', '--months', '3', '--zone', 'SE', ...m], { env }),
  );
  ok(
    runCli(
      [
        'add',
        '--phase',
        'inference',
        '--energy-kwh',
        '120',
        '--hours',
        '720',
        '--region',
        'aws:us-east-1',
        '--predictions',
        '2000000',
        ...m,
      ],
      { env },
    ),
  );
  ok(
    runCli(
      [
        'add',
        '--phase',
        'training',
        '--spec',
        join(ROOT, 'examples', 't5-pretraining.yaml'),
        '--project',
        'demo',
        '--model',
        'tiny',
      ],
      { env },
    ),
  );
  return env;
}

test('phase roll-ups equal the sum of their runs and entries, by every grouping', () => {
  const env = lifeOfAModel();
  for (const by of ['phase', 'model', 'device', 'month']) {
    const r = report(env, '--model', 'tiny', '--by', by);
    const sum = (f: (t: Totals) => number) => r.rows.reduce((s, x) => s + f(x), 0);
    assert.ok(
      close(
        sum((t) => t.totalGco2e),
        r.total.totalGco2e,
      ),
      by,
    );
    assert.ok(
      close(
        sum((t) => t.energyKwh),
        r.total.energyKwh,
      ),
      by,
    );
    assert.ok(
      close(
        sum((t) => t.operationalGco2e.market),
        r.total.operationalGco2e.market,
      ),
      by,
    );
  }
  const r = report(env, '--model', 'tiny');
  for (const phase of ['data', 'experimentation', 'training', 'inference']) {
    const items = r.items.filter((i) => i.phase === phase);
    assert.ok(items.length > 0, `${phase} has items`);
    assert.ok(
      close(
        items.reduce((s, i) => s + i.totalGco2e, 0),
        r.byPhase[phase]?.totalGco2e ?? Number.NaN,
      ),
      phase,
    );
  }
  assert.ok(
    close(
      r.total.totalGco2e,
      r.items.reduce((s, i) => s + i.totalGco2e, 0),
    ),
  );
  assert.equal(r.inference?.predictions, 2_000_000);
  assert.ok(r.modelled.length === 2, 'both runs used the fallback model and are listed');
});

test('every report format renders; totals in CSV equal the sum of rows', () => {
  const env = lifeOfAModel();
  const csv = ok(runCli(['report', '--model', 'tiny', '--format', 'csv'], { env }))
    .stdout.trim()
    .split('\r\n');
  const rows = csv.slice(1).map((l) => l.split(','));
  const total = rows.at(-1) as string[];
  const sum = rows.slice(0, -1).reduce((s, r) => s + Number(r[7]), 0);
  assert.equal(total[0], 'total');
  assert.ok(close(sum, Number(total[7])));
  assert.match(
    ok(runCli(['report', '--model', 'tiny', '--format', 'md'], { env })).stdout,
    /## Defaults used/,
  );
  assert.match(
    ok(runCli(['report', '--model', 'tiny'], { env })).stdout,
    /beside ML infrastructure capacity/,
  );
  assert.match(
    ok(runCli(['report', '--model', 'tiny', '--format', 'html'], { env })).stdout,
    /^<!doctype html>/i,
  );
});

test('the statement names every default the report used', () => {
  const env = lifeOfAModel();
  const r = report(env, '--model', 'tiny');
  assert.ok(r.defaults.length > 3);
  for (const format of ['md', 'tex']) {
    const text = ok(runCli(['statement', '--model', 'tiny', '--format', format], { env })).stdout;
    for (const d of r.defaults) {
      assert.ok(text.includes(d.field), `${format}: default ${d.field} is named`);
    }
  }
});

test('a CodeCarbon CSV imports with its totals, and importing it again counts nothing twice', () => {
  const { env } = freshHome();
  const csv = join(ROOT, 'test', 'fixtures', 'codecarbon', 'emissions.csv');
  const first = JSON.parse(ok(runCli(['import', csv, '--json', '--model', 'cc'], { env })).stdout) as {
    added: number;
    skipped: number;
  };
  assert.ok(first.added > 0);
  const before = report(env, '--model', 'cc');
  const again = JSON.parse(ok(runCli(['import', csv, '--json', '--model', 'cc'], { env })).stdout) as {
    added: number;
    skipped: number;
  };
  assert.deepEqual(again, { ...again, added: 0, skipped: first.added });
  const after = report(env, '--model', 'cc');
  assert.equal(after.total.totalGco2e, before.total.totalGco2e);
  // CodeCarbon's rows are cumulative per run_id and its energies include its PUE: the IT energy
  // priced is the last row of each run, energy_consumed ÷ pue.
  const lines = readFileSync(csv, 'utf8').trim().split(/\r?\n/);
  const header = splitCsv(lines[0] as string);
  const at = (l: string, name: string) => splitCsv(l)[header.indexOf(name)] as string;
  const last = new Map<string, string>();
  for (const l of lines.slice(1)) last.set(at(l, 'run_id'), l);
  const expected = [...last.values()].reduce(
    (s, l) => s + Number(at(l, 'energy_consumed')) / Number(at(l, 'pue')),
    0,
  );
  assert.equal(first.added, last.size, 'one entry per CodeCarbon run');
  assert.ok(close(after.total.energyKwh, expected, 1e-6), `${after.total.energyKwh} vs ${expected}`);
});

/** Splits one CSV line, honouring quotes (for the fixture only). */
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

test('a malformed CSV row names its line, and nothing is written', () => {
  const { home, env } = freshHome();
  const lines = readFileSync(join(ROOT, 'test', 'fixtures', 'codecarbon', 'emissions.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const bad = join(home, 'bad.csv');
  writeFileSync(
    bad,
    [
      ...lines.slice(0, 2),
      (lines[2] as string).replace(/,[0-9.]+,/, ',not-a-number,'),
      ...lines.slice(3),
    ].join('\n'),
  );
  const r = runCli(['import', bad], { env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /bad\.csv:3\b/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  assert.equal(report(env).items.length, 0, 'no row of the file was imported');
});

test("an export is priced the same on another machine's ledger, once", () => {
  const env = lifeOfAModel();
  const { home: other, env: otherEnv } = freshHome();
  const file = join(other, 'export.json');
  ok(runCli(['export', '--model', 'tiny', '--format', 'json', '--out', file], { env }));
  ok(runCli(['import', file], { env: otherEnv }));
  ok(runCli(['import', file], { env: otherEnv }));
  const a = report(env, '--model', 'tiny');
  const b = report(otherEnv, '--model', 'tiny');
  assert.equal(b.items.length, a.items.length);
  assert.ok(
    close(a.total.totalGco2e, b.total.totalGco2e, 1e-9),
    `${a.total.totalGco2e} vs ${b.total.totalGco2e}`,
  );
  assert.ok(close(a.total.operationalGco2e.market, b.total.operationalGco2e.market, 1e-9));
});

test('reprice shows the same work under other conditions', () => {
  const env = lifeOfAModel();
  const r = JSON.parse(
    ok(runCli(['reprice', '--model', 'tiny', '--zone', 'FR', '--cfe', '0.5', '--json'], { env })).stdout,
  ) as {
    recorded: { energy_kwh: number; total_gco2e: number; operational_gco2e: { market: number } };
    repriced: { energy_kwh: number; total_gco2e: number; operational_gco2e: { market: number } };
  };
  assert.ok(close(r.repriced.energy_kwh, r.recorded.energy_kwh));
  assert.ok(r.repriced.operational_gco2e.market < r.recorded.operational_gco2e.market);
  const text = ok(runCli(['reprice', 'last', '--speedup', '2'], { env })).stdout;
  assert.match(text, /as recorded\s+repriced\s+change/);
  assert.match(text, /-50\.0 %/);
});

test('the model card goes into the README front matter and leaves every other byte alone', () => {
  const env = lifeOfAModel();
  const { home } = freshHome();
  const readme = join(home, 'README.md');
  const body = '\n# tiny\n\nA model card body with `code`, a table | a | b |\nand trailing spaces   \n';
  writeFileSync(readme, `---\nlicense: mit # keep this comment\ntags:\n  - text\n---${body}`);
  ok(runCli(['card', '--model', 'tiny', '--write', readme], { env }));
  const after = readFileSync(readme, 'utf8');
  assert.ok(after.endsWith(`---${body}`), 'the body is byte-identical');
  assert.match(after, /license: mit # keep this comment/);
  const front = parseYaml(after.split('---')[1] as string) as {
    co2_eq_emissions: { emissions: number };
    tags: string[];
  };
  const r = report(env, '--model', 'tiny');
  assert.ok(front.co2_eq_emissions.emissions > 0 && front.co2_eq_emissions.emissions <= r.total.totalGco2e);
  assert.deepEqual(front.tags, ['text']);
  copyFileSync(readme, `${readme}.1`);
  ok(runCli(['card', '--model', 'tiny', '--write', readme], { env }));
  assert.equal(
    readFileSync(readme, 'utf8'),
    readFileSync(`${readme}.1`, 'utf8'),
    'writing twice changes nothing',
  );
});

test('unknown run and model ids, and an unreachable PostgreSQL ledger, are clear errors', () => {
  const env = lifeOfAModel();
  for (const args of [
    ['show', 'rnope'],
    ['reprice', 'rnope', '--zone', 'FR'],
    ['statement', 'rnope'],
    ['report', '--model', 'no-such-model'],
    ['card', '--model', 'no-such-model'],
  ]) {
    const r = runCli(args, { env });
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
  const before = report(env).items.length;
  const pg = runCli(
    ['run', '--ledger', 'postgres://127.0.0.1:1/nope', '--', 'sh', '-c', 'echo ran > /dev/null'],
    { env },
  );
  assert.equal(pg.code, 1);
  assert.match(pg.stderr, /PostgreSQL/);
  assert.doesNotMatch(pg.stderr, /\n\s+at /);
  assert.equal(report(env).items.length, before, 'nothing lost or added locally');
});

test('--since and --until select by start time; a bad date is a usage error', () => {
  const { env } = freshHome();
  ok(
    runCli(['add', '--phase', 'inference', '--energy-kwh', '10', '--date', '2026-01-15', '--model', 'm'], {
      env,
    }),
  );
  ok(
    runCli(['add', '--phase', 'inference', '--energy-kwh', '20', '--date', '2026-03-15', '--model', 'm'], {
      env,
    }),
  );
  assert.equal(report(env, '--since', '2026-02-01').total.energyKwh, 20);
  assert.equal(report(env, '--until', '2026-02-01').total.energyKwh, 10);
  assert.equal(report(env, '--by', 'month').rows.length, 2);
  const bad = runCli(['report', '--since', 'yesterday-ish'], { env });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--since must be a date/);
});

test('the statement names the sensors that measured the runs', () => {
  const { env } = freshHome();
  const powercap = raplTree({ pkg0: 1_000_000, pkg1: 2_000_000, dram0: 3_000_000 });
  ok(
    runCli(['run', '--quiet', '--model', 'r', '--', 'sleep', '0.3'], {
      env: { ...env, FOOTPRINT_POWERCAP_ROOT: powercap },
    }),
  );
  const text = ok(runCli(['statement', '--model', 'r'], { env })).stdout;
  assert.match(text, /measured with RAPL for 1 run/);
});
