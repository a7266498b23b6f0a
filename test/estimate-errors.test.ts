/**
 * Bad input to `footprint estimate`: exit code 1, one line on stderr naming the file, the field and
 * the fix, nothing on stdout, never a stack trace.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'footprint-spec-'));

const GOOD = `name: ok
duration_h: 10
hardware:
  - type: gpu
    model: NVIDIA A100 SXM4 80GB
    count: 8
site:
  zone: FR
`;

function estimate(spec: string, name = 'job.yaml') {
  const path = join(dir, name);
  writeFileSync(path, spec);
  return runCli(['estimate', path, '--json']);
}

function assertOneLineError(result: ReturnType<typeof runCli>, ...patterns: RegExp[]) {
  assert.equal(result.code, 1, `exit code ${result.code}; stderr: ${result.stderr}`);
  assert.equal(result.stdout, '', 'nothing on stdout');
  const lines = result.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  for (const p of patterns) assert.match(result.stderr, p);
}

test('the good spec passes (the bad ones below differ from it in one place)', () => {
  const result = estimate(GOOD);
  assert.equal(result.code, 0, result.stderr);
  assert.ok(JSON.parse(result.stdout).total_gco2e > 0);
});

test('unknown zone, with the closest names', () => {
  assertOneLineError(
    estimate(GOOD.replace('zone: FR', 'zone: US-CAL-CISOO')),
    /job\.yaml/,
    /unknown grid zone "US-CAL-CISOO"/,
    /did you mean US-CAL-CISO/,
  );
});

test('unknown cloud region, with the closest names', () => {
  assertOneLineError(
    estimate(GOOD.replace('zone: FR', 'region: aws:us-east-9')),
    /site\.region/,
    /unknown cloud region "aws:us-east-9"/,
    /did you mean aws:us-east-1/,
  );
});

test('unknown hardware model, with the closest names', () => {
  assertOneLineError(
    estimate(GOOD.replace('NVIDIA A100 SXM4 80GB', 'NVIDIA A1000 SXM4 80GB')),
    /hardware\[0\]\.model/,
    /unknown hardware model/,
    /did you mean .*A100/,
  );
});

test('negative values', () => {
  assertOneLineError(
    estimate(GOOD.replace('count: 8', 'count: -2')),
    /job\.yaml:6: hardware\[0\]\.count must be a positive integer, got -2/,
  );
  assertOneLineError(
    estimate(GOOD.replace('duration_h: 10', 'duration_h: -10')),
    /job\.yaml:2: duration_h must be a positive number, got -10/,
  );
});

test('non-numeric values', () => {
  assertOneLineError(
    estimate(GOOD.replace('duration_h: 10', 'duration_h: ten')),
    /duration_h must be a positive number, got "ten"/,
  );
  assertOneLineError(estimate(`${GOOD}  pue: .nan\n`), /site\.pue/);
});

test('utilization outside 0..1', () => {
  assertOneLineError(
    estimate(GOOD.replace('count: 8', 'count: 8\n    utilization: 1.5')),
    /hardware\[0\]\.utilization must be a number between 0 and 1, got 1\.5/,
  );
  assertOneLineError(
    estimate(`${GOOD}embodied:\n  utilization: 0\n`),
    /embodied\.utilization must be greater than 0/,
  );
});

test('cfe_fraction outside 0..1', () => {
  assertOneLineError(
    estimate(`${GOOD}  cfe_fraction: 1.2\n`),
    /site\.cfe_fraction must be a number between 0 and 1, got 1\.2/,
  );
});

test('PUE below 1', () => {
  assertOneLineError(estimate(`${GOOD}  pue: 0.9\n`), /job\.yaml:9: site\.pue must be at least 1/);
});

test('empty hardware list', () => {
  assertOneLineError(
    estimate('duration_h: 5\nhardware: []\n'),
    /hardware must list at least one device group/,
  );
  assertOneLineError(estimate('duration_h: 5\n'), /hardware is required/);
});

test('malformed YAML, with the line number', () => {
  assertOneLineError(
    estimate('name: x\nduration_h: 5\nhardware:\n  - type: gpu\n   count: [1\n'),
    /job\.yaml:\d+: malformed YAML/,
  );
  assertOneLineError(
    estimate('{"name": "x", "hardware": [}', 'job.json'),
    /job\.json:1: malformed YAML\/JSON/,
  );
});

test('unknown keys: a typo is an error, with a suggestion and the line', () => {
  assertOneLineError(
    estimate(GOOD.replace('count: 8', 'cuont: 8')),
    /job\.yaml:6: unknown field "hardware\[0\]\.cuont" \(did you mean count\?\)/,
  );
  assertOneLineError(
    estimate(`${GOOD}  intesity_gco2e_per_kwh: 300\n`),
    /unknown field "site\.intesity_gco2e_per_kwh" \(did you mean intensity_gco2e_per_kwh\b/,
  );
  assertOneLineError(
    estimate(`${GOOD}embodeid:\n  include: false\n`),
    /unknown field "embodeid" \(did you mean embodied\?\)/,
  );
});

test('missing duration and hours', () => {
  assertOneLineError(
    estimate(GOOD.replace('duration_h: 10\n', '')),
    /hardware\[0\] needs hours, or set duration_h/,
  );
});

test('a file that does not exist', () => {
  const result = runCli(['estimate', join(dir, 'nope.yaml')]);
  assertOneLineError(result, /cannot read the spec \(ENOENT\)/);
});

test('usage errors exit 2 and point to --help', () => {
  const result = runCli(['estimate']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /footprint estimate --help/);
  assert.equal(runCli(['estimate', '--bogus', 'x.yaml']).code, 2);
  assert.equal(runCli(['nonsense']).code, 2);
});
