/**
 * The ISO-3 → ISO-2 table covers every country @tgwf/co2 keys by ISO-3, maps none of its aggregates,
 * and produces well-formed, unique alpha-2 codes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { averageIntensity } from '@tgwf/co2/data';
import { z } from 'zod';
import { ISO3_TO_ISO2, Iso3ToIso2Schema } from './countries.js';

// @tgwf/co2 ships untyped data: validate the part we read, at the edge.
const KEYS = Object.keys(z.object({ data: z.record(z.string(), z.number()) }).parse(averageIntensity).data);

/** Keys of averageIntensity that are regions or groups, not countries. */
const AGGREGATES = new Set([
  'AFRICA',
  'ASEAN',
  'ASIA',
  'EU',
  'EUROPE',
  'G20',
  'G7',
  'LATIN AMERICA AND CARIBBEAN',
  'MIDDLE EAST',
  'NORTH AMERICA',
  'OCEANIA',
  'OECD',
  'WORLD',
]);

describe('ISO3_TO_ISO2', () => {
  it('maps every country in averageIntensity', () => {
    assert.ok(KEYS.length > 150, 'averageIntensity did not load');
    const countries = KEYS.filter((k) => !AGGREGATES.has(k));
    const unknownShape = countries.filter((k) => !/^[A-Z]{3}$/.test(k));
    assert.deepEqual(unknownShape, [], 'new non-country keys in averageIntensity: add them to AGGREGATES');
    const missing = countries.filter((k) => !(k in ISO3_TO_ISO2));
    assert.deepEqual(missing, []);
  });

  it('maps no aggregate', () => {
    for (const a of AGGREGATES) assert.equal(a in ISO3_TO_ISO2, false, `${a} is not a country`);
  });

  it('maps to two upper-case letters, each used once', () => {
    const values = Object.values(ISO3_TO_ISO2);
    for (const [iso3, iso2] of Object.entries(ISO3_TO_ISO2)) {
      assert.match(iso3, /^[A-Z]{3}$/);
      assert.match(iso2, /^[A-Z]{2}$/, `${iso3} → ${iso2}`);
    }
    assert.equal(new Set(values).size, values.length, 'an alpha-2 code is used twice');
  });

  it('gets the codes that do not follow the letters right', () => {
    const expected: Record<string, string> = {
      DEU: 'DE',
      GBR: 'GB',
      USA: 'US',
      KOR: 'KR',
      PRK: 'KP',
      COD: 'CD',
      COG: 'CG',
      CHE: 'CH',
      SRB: 'RS',
      SVN: 'SI',
      SVK: 'SK',
      MAC: 'MO',
      SPM: 'PM',
      CYM: 'KY',
      COM: 'KM',
      GNB: 'GW',
      XKX: 'XK',
    };
    for (const [iso3, iso2] of Object.entries(expected)) assert.equal(ISO3_TO_ISO2[iso3], iso2, iso3);
  });

  it('is frozen', () => assert.ok(Object.isFrozen(ISO3_TO_ISO2)));
});

describe('Iso3ToIso2Schema', () => {
  it('rejects an alpha-2 code used twice', () => {
    assert.equal(Iso3ToIso2Schema.safeParse({ DEU: 'DE', DNK: 'DE' }).success, false);
  });
  it('rejects malformed codes', () => {
    assert.equal(Iso3ToIso2Schema.safeParse({ DE: 'DE' }).success, false);
    assert.equal(Iso3ToIso2Schema.safeParse({ DEU: 'deu' }).success, false);
  });
});
