/** `footprint data …` through the real CLI. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCli } from './support/cli.js';

test('data zones --search finds a zone, with JSON rows carrying their source', () => {
  const r = runCli(['data', 'zones', '--search', 'US-CAL-CISO', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { id: string; years: unknown[]; source: string }[];
  assert.ok(rows.some((z) => z.id === 'US-CAL-CISO'));
  assert.ok(rows.every((z) => /ODbL|CC BY-SA/.test(z.source)));
});

test('data regions lists at least 30 regions of the three providers', () => {
  const r = runCli(['data', 'regions', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { provider: string; pue: number }[];
  assert.ok(rows.length >= 30);
  assert.deepEqual([...new Set(rows.map((x) => x.provider))].sort(), ['aws', 'azure', 'gcp']);
  assert.ok(rows.every((x) => x.pue >= 1));
});

test('data hardware --search prints a readable table, and nothing-found is an error', () => {
  const r = runCli(['data', 'hardware', '--search', 'h100']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /H100 SXM5/);
  assert.match(r.stdout, /models\./);
  const none = runCli(['data', 'hardware', '--search', 'zzzz-nothing']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /nothing matches/);
});

test('data sources names the licences that require attribution', () => {
  const r = runCli(['data', 'sources']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /ODbL 1\.0/);
  assert.match(r.stdout, /CC BY-SA 4\.0/);
  assert.equal(runCli(['data', 'nonsense']).code, 2);
});
