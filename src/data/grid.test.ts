import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FootprintError } from '../core/errors.js';
import { ISO3_TO_ISO2 } from './countries.js';
import { COUNTRIES, LATEST_YEAR, resolveZone, worldAverage, ZONES } from './grid.js';

test('the package data loads: hundreds of zones over five years, and the Ember countries', () => {
  assert.ok(ZONES.size > 300, `${ZONES.size} zones`);
  assert.ok(COUNTRIES.size > 150, `${COUNTRIES.size} countries`);
  assert.ok(LATEST_YEAR >= 2024);
  const fr = ZONES.get('FR');
  assert.ok(fr && fr.years.length >= 5);
  assert.ok(
    fr.years.every((y, i, all) => i === 0 || (all[i - 1] as typeof y).year > y.year),
    'newest first',
  );
});

test('a zone resolves to its newest year, ranged over its own years', () => {
  const r = resolveZone('fr');
  assert.equal(r.zone.id, 'FR');
  assert.equal(r.year.year, LATEST_YEAR);
  const values = ZONES.get('FR')?.years.map((y) => y.intensity) ?? [];
  assert.equal(r.range.low, Math.min(...values));
  assert.equal(r.range.high, Math.max(...values));
  assert.equal(r.range.mode, r.year.intensity);
  assert.equal(resolveZone('FR', 2022).year.year, 2022);
  assert.throws(() => resolveZone('FR', 1999), /no 1999 data for zone FR/);
});

test('ISO-3 and split ISO-2 codes resolve to Ember national averages', () => {
  const usa = resolveZone('USA');
  assert.equal(usa.zone.dataset, 'ember');
  // An ISO-2 code that Electricity Maps has no zone for falls through to Ember's national figure.
  const iso2 = Object.entries(ISO3_TO_ISO2).find(([iso3, two]) => !ZONES.has(two) && COUNTRIES.has(iso3));
  assert.ok(iso2, 'some country is in Ember only');
  assert.equal(resolveZone(iso2[1]).zone.id, iso2[0]);
  assert.equal(resolveZone('US').zone.dataset, 'electricity-maps', 'a zone id wins over the country code');
  assert.ok(usa.range.low < usa.range.mode && usa.range.mode < usa.range.high);
  assert.match(usa.source, /CC BY-SA 4\.0/);
});

test('an unknown zone is an error with suggestions', () => {
  assert.throws(
    () => resolveZone('US-CAL-CISOO'),
    (e: unknown) =>
      e instanceof FootprintError && e.code === 'not_found' && /did you mean US-CAL-CISO/.test(e.message),
  );
});

test('the world average is a visible, wide default', () => {
  const w = worldAverage();
  assert.ok(w.range.high / w.range.low > 10);
  assert.match(w.source, /world average/);
});
