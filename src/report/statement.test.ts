import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFixture } from './report-fixture.test-util.js';
import { escapeMd, escapeTex, renderStatement, statementParagraph } from './statement.js';
import { formatGrams, formatKwh } from './units-format.js';

const HOSTILE = 't5_base & 100% {x} #1 $5 ~a^b \\cmd';

/** Text of a LaTeX document with comments removed, \verb-free, for structural checks. */
const texBody = (tex: string) => tex.replace(/(^|[^\\])%.*$/gm, '$1');

function assertBalancedTex(tex: string) {
  const body = texBody(tex).replace(/\\[{}]/g, '');
  let depth = 0;
  for (const c of body) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    assert.ok(depth >= 0, 'a } closes nothing');
  }
  assert.equal(depth, 0, 'every { is closed');
  const envs = [...body.matchAll(/\\(begin|end)\{(\w+)\}/g)];
  const stack: string[] = [];
  for (const [, kind, name] of envs) {
    if (kind === 'begin') stack.push(name as string);
    else assert.equal(stack.pop(), name, `\\end{${name}} closes the open environment`);
  }
  assert.deepEqual(stack, []);
}

test('the paragraph states hardware, energy both ways, place, carbon both ways, embodied, total and range', () => {
  const report = reportFixture();
  const p = statementParagraph(report, { sensors: ['NVML', 'RAPL'] });
  const t = report.total;
  for (const fragment of [
    'Data processing, training and inference for rm-small used 4 × NVIDIA A100 SXM4 80GB (32 device-hours)',
    'over 8 h of wall-clock time in 2 runs and 2 entries',
    `drawing ${formatKwh(t.energyKwh)} of IT energy (${formatKwh(t.facilityEnergyKwh)} at the facility, PUE 1.2)`,
    'zone FR (grid intensity 400 gCO2e/kWh, source: fixture)',
    `${formatGrams(t.operationalGco2e.location)} location-based and ${formatGrams(t.operationalGco2e.market)} market-based`,
    `amortised over 4 years at the declared fleet utilization, were ${formatGrams(t.embodiedGco2e)}`,
    `is ${formatGrams(t.totalGco2e)} (90 % interval ${formatGrams(report.uncertainty.totalGco2e.p5)}–${formatGrams(report.uncertainty.totalGco2e.p95)}`,
    'measured with NVML and RAPL for 1 run',
    'partly modelled',
    'declared or imported for 2 entries',
  ]) {
    assert.ok(p.includes(fragment), `missing: ${fragment}\nin: ${p}`);
  }
});

test('declared amortisation and a utilization default are stated; no embodied says so', () => {
  const report = reportFixture();
  assert.match(
    statementParagraph(report, { embodied: { lifetimeYears: 6, utilization: 0.8 } }),
    /amortised over 6 years at a fleet utilization of 80 %/,
  );
  const zero = reportFixture({ total: { ...report.total, embodiedGco2e: 0 as never } });
  assert.match(statementParagraph(zero), /Embodied emissions of the hardware were not included\./);
  assert.match(statementParagraph(reportFixture({ items: [] })), /No runs or entries/);
});

test('markdown: a phase table that sums to the total row, and every default with its source', () => {
  const report = reportFixture();
  const md = renderStatement(report, 'md');
  const rows = md.split('\n').filter((l) => l.startsWith('| '));
  assert.equal(rows.length, 2 + 3 + 1, 'header, rule, three phases, total');
  assert.ok(rows[2]?.startsWith('| data |'));
  assert.ok(rows[5]?.startsWith('| **Total** |'));
  assert.ok(!rows.some((r) => r.startsWith('| experimentation')), 'an empty phase is left out');
  assert.ok(md.includes('### Defaults and sources'));
  for (const d of report.defaults) {
    const line = md.split('\n').find((l) => l.includes(`\`${d.field}\``));
    assert.ok(line, `default ${d.field} is named`);
    assert.ok(line.includes(escapeMd(d.source)), `and its source: ${line}`);
  }
});

test('markdown escapes user text', () => {
  const md = renderStatement(reportFixture(), 'md', { subject: '<b>*bold*</b> | x' });
  assert.ok(md.includes('for \\<b\\>\\*bold\\*\\</b\\> \\| x used'));
  assert.ok(!md.includes('<b>'));
});

test('LaTeX: booktabs tabular, balanced, user text escaped, every default field verbatim', () => {
  const report = reportFixture({
    items: reportFixture().items.map((i) => ({
      ...i,
      location: 'zone FR & co_2 100%',
      intensitySource: 'EM #2 {yearly}',
    })),
  });
  const tex = renderStatement(report, 'tex', { subject: HOSTILE });
  assert.ok(tex.includes('\\begin{tabular}{lrrrrrr}'));
  for (const rule of ['\\toprule', '\\midrule', '\\bottomrule']) assert.ok(tex.includes(rule));
  assert.ok(tex.includes(`for ${escapeTex(HOSTILE)} used`));
  assert.ok(
    tex.includes(
      't5\\_base \\& 100\\% \\{x\\} \\#1 \\$5 \\textasciitilde{}a\\textasciicircum{}b \\textbackslash{}cmd',
    ),
  );
  assert.ok(tex.includes('zone FR \\& co\\_2 100\\%'));
  assert.ok(tex.includes('EM \\#2 \\{yearly\\}'));
  assertBalancedTex(tex);
  const paragraph = (tex.split('\n')[1] ?? '').replace(/\\\$/g, '').replace(/\$[^$]*\$/g, '');
  assert.doesNotMatch(paragraph, /(^|[^\\])[%&#_^~$]/, 'no bare special character in the paragraph');
  for (const d of report.defaults) assert.ok(tex.includes(`\\detokenize{${d.field}}`), `default ${d.field}`);
  const rows = tex.split('\n').filter((l) => l.trim().endsWith('\\\\'));
  assert.equal(rows.length, 1 + 3 + 1);
  for (const r of rows) assert.equal(r.split(' & ').length, 7, 'seven columns in every row');
});

test('escapeTex handles every special character once, in one pass', () => {
  assert.equal(escapeTex('\\{}'), '\\textbackslash{}\\{\\}');
  assert.equal(escapeTex('a_b%c&d#e$f~g^h'), 'a\\_b\\%c\\&d\\#e\\$f\\textasciitilde{}g\\textasciicircum{}h');
  assert.equal(escapeTex('2 × 3 – 4 ≈ 5 kg CO2e'), '2 $\\times$ 3 -- 4 $\\approx$ 5 kg CO$_2$e');
});
