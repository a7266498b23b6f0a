import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatGrams,
  formatKwh,
  formatMass,
  formatNumber,
  formatShare,
  formatWatts,
  GRAM_STEPS,
  unitFor,
} from './units-format.js';

test('grams scale g → kg → t with three significant figures', () => {
  assert.equal(formatGrams(0), '0 g CO2e');
  assert.equal(formatGrams(0.5), '500 mg CO2e');
  assert.equal(formatGrams(12.34), '12.3 g CO2e');
  assert.equal(formatGrams(2_880), '2.88 kg CO2e');
  assert.equal(formatGrams(108_140), '108 kg CO2e');
  assert.equal(formatGrams(284_000_000), '284 t CO2e');
  assert.equal(formatGrams(-1_500), '-1.5 kg CO2e');
  assert.equal(formatMass(2_880), '2.88 kg');
});

test('energy scales Wh → kWh → MWh, power W → kW', () => {
  assert.equal(formatKwh(0), '0 kWh');
  assert.equal(formatKwh(0.06), '60 Wh');
  assert.equal(formatKwh(165.5), '166 kWh');
  assert.equal(formatKwh(1_287_000), '1.29 GWh');
  assert.equal(formatWatts(820), '820 W');
  assert.equal(formatWatts(1_450), '1.45 kW');
});

test('unitFor picks the largest step reached, the base unit for zero and non-finite values', () => {
  assert.deepEqual(unitFor(999, GRAM_STEPS), [1, 'g CO2e']);
  assert.deepEqual(unitFor(1000, GRAM_STEPS), [1e3, 'kg CO2e']);
  assert.deepEqual(unitFor(0, GRAM_STEPS), [1, 'g CO2e']);
  assert.deepEqual(unitFor(Number.NaN, GRAM_STEPS), [1, 'g CO2e']);
});

test('shares and plain numbers', () => {
  assert.equal(formatShare(0), '0%');
  assert.equal(formatShare(1), '100%');
  assert.equal(formatShare(0.0266), '2.7%');
  assert.equal(formatShare(0.6204), '62%');
  assert.equal(formatShare(0.0004), '<0.1%');
  assert.equal(formatNumber(1234.5678), '1,235');
  assert.equal(formatNumber(0.012345), '0.0123');
});
