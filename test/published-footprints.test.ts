/**
 * The published footprints in shared/cases (Patterson et al. 2021 Table 4, Strubell et al. 2019
 * Table 3, Green Algorithms) priced through the real `footprint estimate --json` command, each
 * expected figure within the tolerance the case gives.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, SHARED } from './support/cli.js';

interface Case {
  id: string;
  source: string;
  spec: unknown;
  expect: Record<string, number>;
  tolerance_pct: Record<string, number>;
}

const { cases } = JSON.parse(readFileSync(join(SHARED, 'cases', 'published-footprints.json'), 'utf8')) as {
  cases: Case[];
};

const at = (object: unknown, dotted: string): unknown =>
  dotted
    .split('.')
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      object,
    );

test('the shared cases file holds cases', () => {
  assert.ok(cases.length >= 10, `only ${cases.length} cases`);
});

for (const c of cases) {
  test(`${c.id} (${c.source.split(',')[0]})`, () => {
    const result = runCli(['estimate', '-', '--json'], { input: JSON.stringify(c.spec) });
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as unknown;
    for (const [path, expected] of Object.entries(c.expect)) {
      const actual = at(out, path);
      assert.equal(typeof actual, 'number', `${path} missing from the output`);
      const tolerance = c.tolerance_pct[path] ?? 0;
      const errorPct = (Math.abs((actual as number) - expected) / Math.abs(expected)) * 100;
      assert.ok(
        errorPct <= tolerance,
        `${path}: got ${actual}, expected ${expected} ± ${tolerance} % (off by ${errorPct.toFixed(3)} %)`,
      );
    }
  });
}
