/**
 * Runs the Green Software Foundation's own `if-run` (devDependency @grnsft/if) on the manifest
 * Footprint writes, and checks that IF's builtin plugins compute each item's carbon and the
 * report's total from the manifest's inputs. Runs offline: if-run reads the manifest and runs
 * `npm list` (no network) in its working directory, a fresh temporary folder here.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { GramsCo2e, Kwh } from '../src/core/units.js';
import { toImpactManifest } from '../src/report/impact-framework.js';
import { reportFixture } from '../src/report/report-fixture.test-util.js';
import { ROOT } from './support/cli.js';

const IF_RUN = join(ROOT, 'node_modules', '.bin', 'if-run');
const close = (a: number, b: number, rel = 1e-6) =>
  Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

interface Child {
  outputs?: Record<string, number>[];
  aggregated?: Record<string, number>;
}

test('if-run reproduces every item’s carbon and the report total', {
  skip: !existsSync(IF_RUN) && 'npm install -D @grnsft/if',
}, () => {
  const fixture = reportFixture();
  const [first, second, ...rest] = fixture.items;
  assert.ok(first && second);
  // One item priced on an hourly-weighted intensity, one with no energy at all.
  const items = [
    first,
    {
      ...second,
      operationalGco2e: {
        location: (second.facilityEnergyKwh * 287.25) as GramsCo2e,
        market: (second.facilityEnergyKwh * 100) as GramsCo2e,
      },
    },
    ...rest,
    {
      ...first,
      id: 'idle',
      energyKwh: 0 as Kwh,
      facilityEnergyKwh: 0 as Kwh,
      operationalGco2e: { location: 0 as GramsCo2e, market: 0 as GramsCo2e },
      totalGco2e: first.embodiedGco2e,
    },
  ].map((i) => ({ ...i, totalGco2e: (i.operationalGco2e.location + i.embodiedGco2e) as GramsCo2e }));
  const report = { ...fixture, items };
  const dir = mkdtempSync(join(tmpdir(), 'footprint-if-'));
  try {
    const manifest = join(dir, 'footprint.yml');
    writeFileSync(manifest, toImpactManifest(report));
    const run = spawnSync(process.execPath, [IF_RUN, '--manifest', manifest, '--output', join(dir, 'out')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, `if-run failed:\n${run.stdout}\n${run.stderr}`);
    const outFile = ['out.yaml', 'out.yml', 'out'].map((f) => join(dir, f)).find(existsSync);
    assert.ok(outFile, 'if-run wrote its output');
    const out = parse(readFileSync(outFile, 'utf8')) as {
      execution: { status: string };
      tree: { children: Record<string, Child>; aggregated?: Record<string, number> };
    };
    assert.equal(out.execution.status, 'success');
    for (const item of items) {
      const o = out.tree.children[item.id]?.outputs?.[0];
      assert.ok(o, `${item.id} has outputs`);
      assert.ok(
        close(o['energy-facility'] as number, item.facilityEnergyKwh) || item.facilityEnergyKwh === 0,
        `${item.id} facility energy`,
      );
      assert.ok(
        close(o.carbon as number, item.totalGco2e),
        `${item.id}: IF ${o.carbon} vs Footprint ${item.totalGco2e}`,
      );
      assert.ok(
        close(o['carbon-operational'] as number, item.operationalGco2e.location) ||
          item.operationalGco2e.location === 0,
        `${item.id} operational`,
      );
      assert.ok(
        close(o['carbon-operational-market'] as number, item.operationalGco2e.market) ||
          item.operationalGco2e.market === 0,
        `${item.id} market`,
      );
    }
    const total = items.reduce((s, i) => s + i.totalGco2e, 0);
    assert.ok(close(out.tree.aggregated?.carbon ?? Number.NaN, total), 'tree.aggregated.carbon is the total');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
