import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { isFootprintError } from '../core/errors.js';
import { type CardCo2, co2Block, hardwareUsed, writeCardFrontMatter } from './model-card.js';
import { reportFixture } from './report-fixture.test-util.js';

const BLOCK: CardCo2 = {
  emissions: 108_123.456,
  source: 'Footprint: measured with NVML and RAPL; location-based operational + amortised embodied emissions',
  training_type: 'fine-tuning',
  geographical_location: 'zone FR',
  hardware_used: '4 x NVIDIA A100 SXM4 80GB',
};

const BODY = '\n# My model\n\nSome text with --- a rule:\n\n---\n\nand `code: yes`.\n';

const README = `---
# For reference on model card metadata, see the spec
language:
  - en   # English only
license: "apache-2.0"
tags: [text-classification,  'bert']
co2_eq_emissions:
  emissions: 12
  source: old
  # an old note
model-index:
  - name: m
    results: []
---
${BODY}`;

/** The front matter and body of a card, split the way the Hub reads it. */
function split(card: string): { yaml: string; body: string } {
  const m = /^---\r?\n([\s\S]*?)^---\r?\n/m.exec(card);
  assert.ok(m, 'card has front matter');
  return { yaml: m[1] as string, body: card.slice(m[0].length) };
}

test('co2Block: grams, the Hub keys, hardware and location from the report', () => {
  const report = reportFixture();
  const b = co2Block(report, { trainingType: 'fine-tuning', sensors: ['NVML', 'RAPL'] });
  assert.deepEqual(Object.keys(b), [
    'emissions',
    'source',
    'training_type',
    'geographical_location',
    'hardware_used',
  ]);
  assert.equal(b.emissions, Math.round(report.total.totalGco2e * 1000) / 1000);
  assert.equal(b.training_type, 'fine-tuning');
  assert.equal(b.hardware_used, '4 x NVIDIA A100 SXM4 80GB');
  assert.equal(b.geographical_location, 'zone FR');
  assert.match(b.source, /^Footprint: measured with NVML and RAPL where possible/);
  const op = co2Block(report, { emissions: 'operational', location: 'Paris, France' });
  assert.equal(op.emissions, Math.round(report.total.operationalGco2e.location * 1000) / 1000);
  assert.equal(op.geographical_location, 'Paris, France');
  assert.equal(op.training_type, 'data, training, inference');
});

test('hardwareUsed: the most of each processor one item held, accelerators first, no DRAM', () => {
  const base = reportFixture().items[0];
  assert.ok(base);
  const items = [
    {
      ...base,
      hardware: [
        { label: 'AMD EPYC 7763', kind: 'cpu', count: 2, deviceHours: 4 },
        { label: 'NVIDIA H100 SXM5 80GB', kind: 'gpu', count: 8, deviceHours: 16 },
      ],
    },
    {
      ...base,
      hardware: [
        { label: 'NVIDIA H100 SXM5 80GB', kind: 'gpu', count: 4, deviceHours: 8 },
        { label: 'DRAM', kind: 'dram', count: 1, deviceHours: 2 },
      ],
    },
  ];
  assert.equal(hardwareUsed(items), '8 x NVIDIA H100 SXM5 80GB, 2 x AMD EPYC 7763');
});

test('update in place: body and every other front-matter byte unchanged', () => {
  const out = writeCardFrontMatter(README, BLOCK);
  const before = split(README);
  const after = split(out);
  assert.equal(after.body, BODY);
  const expected = before.yaml.replace(
    /co2_eq_emissions:\n(?: {2}.*\n)+/,
    `co2_eq_emissions:\n  emissions: 108123.456\n  source: "Footprint: measured with NVML and RAPL; location-based operational + amortised embodied emissions"\n  training_type: fine-tuning\n  geographical_location: zone FR\n  hardware_used: 4 x NVIDIA A100 SXM4 80GB\n`,
  );
  assert.equal(after.yaml, expected);
  assert.deepEqual(parse(after.yaml).co2_eq_emissions, BLOCK);
});

test('updating twice gives the same bytes', () => {
  const once = writeCardFrontMatter(README, BLOCK);
  assert.equal(writeCardFrontMatter(once, BLOCK), once);
  const other = { ...BLOCK, emissions: 5 };
  assert.equal(writeCardFrontMatter(writeCardFrontMatter(once, other), BLOCK), once);
});

test('no co2 key yet: appended at the end of the front matter, comments and blank lines kept', () => {
  const readme = '---\nlicense: mit # why\n\n# trailing note\n---\nbody\n';
  const out = writeCardFrontMatter(readme, BLOCK);
  assert.ok(out.startsWith('---\nlicense: mit # why\nco2_eq_emissions:\n  emissions: 108123.456\n'));
  assert.ok(out.endsWith('  hardware_used: 4 x NVIDIA A100 SXM4 80GB\n\n# trailing note\n---\nbody\n'));
  assert.equal(writeCardFrontMatter(out, BLOCK), out);
});

test('the Hub template `{}` front matter and an empty one take the block', () => {
  const template =
    '---\n# For reference on model card metadata, see the spec\n# Doc / guide\n{}\n---\n\n# Model Card\n';
  const out = writeCardFrontMatter(template, BLOCK);
  assert.ok(
    out.startsWith(
      '---\n# For reference on model card metadata, see the spec\n# Doc / guide\nco2_eq_emissions:\n',
    ),
  );
  assert.ok(out.endsWith('---\n\n# Model Card\n'));
  assert.deepEqual(parse(split(out).yaml), { co2_eq_emissions: BLOCK });
  assert.equal(writeCardFrontMatter(out, BLOCK), out);
  const empty = writeCardFrontMatter('---\n---\nbody', BLOCK);
  assert.deepEqual(parse(split(empty).yaml), { co2_eq_emissions: BLOCK });
  assert.equal(split(empty).body, 'body');
});

test('no front matter: one is added at the top, the file follows unchanged', () => {
  const plain = '# Title\n\n---\n\ntext\n';
  const out = writeCardFrontMatter(plain, BLOCK);
  assert.ok(out.endsWith(`---\n${plain}`));
  assert.deepEqual(parse(split(out).yaml), { co2_eq_emissions: BLOCK });
  assert.equal(writeCardFrontMatter(out, BLOCK), out);
});

test('CRLF files stay CRLF', () => {
  const crlf = '---\r\nlicense: mit\r\n---\r\nbody\r\n';
  const out = writeCardFrontMatter(crlf, BLOCK);
  assert.ok(!/[^\r]\n/.test(out), 'no bare LF');
  assert.ok(out.endsWith('---\r\nbody\r\n'));
});

test('a co2 key in the middle, a flow mapping and a quoted key', () => {
  const mid = '---\n"co2_eq_emissions": {emissions: 1}\n\n# about the license\nlicense: mit\n---\n';
  const out = writeCardFrontMatter(mid, BLOCK);
  assert.ok(out.endsWith('\n\n# about the license\nlicense: mit\n---\n'));
  assert.deepEqual(parse(split(out).yaml), { co2_eq_emissions: BLOCK, license: 'mit' });
  const flow = writeCardFrontMatter('---\n{license: mit, tags: [a]}\n---\nbody\n', BLOCK);
  assert.deepEqual(parse(split(flow).yaml), { license: 'mit', tags: ['a'], co2_eq_emissions: BLOCK });
  assert.ok(flow.endsWith('---\nbody\n'));
});

test('broken front matter is a parse_error and nothing is written', () => {
  const bad = (text: string, words: RegExp) =>
    assert.throws(
      () => writeCardFrontMatter(text, BLOCK, 'card.md'),
      (e) => isFootprintError(e) && e.code === 'parse_error' && words.test(e.message),
    );
  bad('---\nlicense: [mit\n---\nbody\n', /card\.md: the front matter is not valid YAML/);
  bad('---\n- a\n- b\n---\n', /is not a mapping/);
  bad('---\nlicense: mit\nbody with no end\n', /card\.md:1: the front matter opened by --- is never closed/);
});

test('any front matter of plain keys: other values kept, block written, idempotent (property)', () => {
  const key = fc.stringMatching(/^[a-z][a-z_-]{0,8}$/).filter((k) => k !== 'co2_eq_emissions');
  const value = fc.oneof(
    fc.integer(),
    fc.stringMatching(/^[A-Za-z0-9 .,:#'"-]{0,12}$/),
    fc.array(fc.integer(), { maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.dictionary(key, value, { maxKeys: 5 }), fc.boolean(), fc.nat(4), (meta, withOld, at) => {
      const entries: [string, unknown][] = Object.entries(meta);
      if (withOld) entries.splice(Math.min(at, entries.length), 0, ['co2_eq_emissions', { emissions: 1 }]);
      const yaml = entries.length === 0 ? '' : stringify(Object.fromEntries(entries));
      const card = `---\n${yaml}---\nbody\n`;
      const out = writeCardFrontMatter(card, BLOCK);
      const parsed = parse(split(out).yaml) as Record<string, unknown>;
      const { co2_eq_emissions, ...rest } = parsed;
      assert.deepEqual(co2_eq_emissions, BLOCK);
      assert.deepEqual(rest, { ...meta });
      assert.equal(writeCardFrontMatter(out, BLOCK), out);
      assert.ok(out.endsWith('---\nbody\n'));
    }),
  );
});
