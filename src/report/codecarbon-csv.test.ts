import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isFootprintError } from '../core/errors.js';
import type { GroupFootprint } from '../core/price.js';
import type { GramsCo2e, Kwh } from '../core/units.js';
import { CODECARBON_COLUMNS } from './codecarbon-columns.js';
import {
  codeCarbonRowToEntry,
  latestRowPerRun,
  parseCodeCarbonCsv,
  parseGpuModel,
  placeOf,
  toCodeCarbonCsv,
} from './codecarbon-csv.js';
import { readCsv } from './csv.js';
import { reportFixture } from './report-fixture.test-util.js';

const FIXTURES = new URL('../../../test/fixtures/codecarbon/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const close = (a: number, b: number, rel = 1e-12) =>
  Math.abs(a - b) <= rel * Math.max(1e-300, Math.abs(a), Math.abs(b));

const V2_HEADER =
  'timestamp,project_name,run_id,duration,emissions,emissions_rate,cpu_power,gpu_power,ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue';

function throwsAt(text: string, line: number, words: RegExp) {
  assert.throws(
    () => parseCodeCarbonCsv(text, 'emissions.csv'),
    (e) => {
      assert.ok(isFootprintError(e) && e.code === 'parse_error', String(e));
      assert.ok(e.message.startsWith(`emissions.csv:${line}: `), e.message);
      assert.match(e.message, words);
      return true;
    },
  );
}

test('the 3.x fixture: every row, units as CodeCarbon writes them, the quoted cpu_model whole', () => {
  const { rows } = parseCodeCarbonCsv(fixture('emissions.csv'), 'emissions.csv');
  assert.equal(rows.length, 4);
  const [a100, flush, aws, cpu] = rows;
  assert.ok(a100 && flush && aws && cpu);
  assert.equal(a100.line, 2);
  assert.equal(a100.runId, '3f2c9a4e-7b1d-4c55-9e0a-2d8f6b1c4e73');
  assert.equal(a100.durationS, 7235.118204832077);
  assert.equal(a100.emissionsKg, 0.1700291100144963);
  assert.equal(a100.energyConsumedKwh, 3.0340669167469003);
  assert.equal(a100.gpuModel, '4 x NVIDIA A100-SXM4-40GB');
  assert.equal(a100.countryIsoCode, 'FRA');
  assert.equal(a100.onCloud, false);
  assert.equal(a100.codecarbonVersion, '3.0.2');
  assert.equal(a100.endMs, Date.UTC(2025, 2, 14, 18, 42, 7));
  assert.equal(aws.cpuModel, 'AMD EPYC 7R13 Processor, 48 vCPUs');
  assert.equal(aws.onCloud, true);
  assert.equal(aws.cloudRegion, 'us-east-1');
  assert.equal(cpu.gpuCount, undefined);
  assert.equal(cpu.pue, 1.4);
  assert.deepEqual(a100.extra, {});
  for (const r of rows) {
    const parts = (r.cpuEnergyKwh ?? 0) + (r.gpuEnergyKwh ?? 0) + (r.ramEnergyKwh ?? 0);
    assert.ok(close(parts, r.energyConsumedKwh, 1e-12), `line ${r.line}: components sum to energy_consumed`);
  }
});

test('2.x column layout, reordered columns and unknown extra columns are read by name', () => {
  const v2 = `${V2_HEADER}\n2023-06-01T10:00:00,p,run-1,3600,0.05,1.4e-05,42.5,0,12,0.0425,0,0.012,0.0545,Canada,CAN,quebec,,,Linux,3.9,2.2.3,8,Intel(R) Core(TM) i7-1065G7 CPU @ 1.30GHz,,,-71.2,46.8,15.5,machine,N,1.0\n`;
  const [row] = parseCodeCarbonCsv(v2, 'v2.csv').rows;
  assert.equal(row?.energyConsumedKwh, 0.0545);
  assert.equal(row?.waterConsumedL, undefined);
  const shuffled =
    'energy_consumed,my_note,run_id,duration,timestamp,emissions\n0.5,"hello, world",r,60,2024-01-01T00:00:00,0.1\n';
  const [s] = parseCodeCarbonCsv(shuffled, 's.csv').rows;
  assert.equal(s?.energyConsumedKwh, 0.5);
  assert.equal(s?.runId, 'r');
  assert.deepEqual(s?.extra, { my_note: 'hello, world' });
});

test('the malformed fixture fails on line 3 (an unquoted comma) and returns nothing', () => {
  throwsAt(fixture('malformed.csv'), 3, /39 fields, but the header has 38/);
});

test('bad values name their line and column; the header is line 1', () => {
  const good = fixture('emissions.csv').split('\n');
  const header = good[0] as string;
  const row = good[1] as string;
  const cols = header.split(',');
  const set = (line: string, column: string, value: string) => {
    // The first fixture row has no quoted field, so a plain split is exact.
    const fields = line.split(',');
    fields[cols.indexOf(column)] = value;
    return fields.join(',');
  };
  throwsAt(
    `${header}\n${row}\n${set(row, 'energy_consumed', 'n/a')}\n`,
    3,
    /energy_consumed must be a number, got "n\/a"/,
  );
  throwsAt(`${header}\n${set(row, 'energy_consumed', '')}\n`, 2, /energy_consumed is empty/);
  throwsAt(`${header}\n${set(row, 'gpu_energy', '-1')}\n`, 2, /gpu_energy must not be negative/);
  throwsAt(`${header}\n${set(row, 'timestamp', 'yesterday')}\n`, 2, /timestamp must look like/);
  throwsAt(`${header}\n${set(row, 'run_id', '')}\n`, 2, /run_id is empty/);
  throwsAt(`${header}\n${set(row, 'pue', '0.9')}\n`, 2, /pue must be at least 1/);
  throwsAt(`${header.replace('energy_consumed', 'energy')}\n${row}\n`, 1, /missing column energy_consumed/);
  throwsAt('', 1, /empty file/);
});

test('latestRowPerRun keeps the last cumulative row of each run, in file order', () => {
  const { rows } = parseCodeCarbonCsv(fixture('emissions.csv'), 'emissions.csv');
  assert.deepEqual(
    latestRowPerRun(rows).map((r) => r.line),
    [2, 4, 5],
  );
});

test('gpu_model is split into counts and names', () => {
  assert.deepEqual(parseGpuModel('4 x NVIDIA A100-SXM4-40GB'), [{ count: 4, name: 'NVIDIA A100-SXM4-40GB' }]);
  assert.deepEqual(parseGpuModel('1 x NVIDIA A10G, 2 x Tesla T4'), [
    { count: 1, name: 'NVIDIA A10G' },
    { count: 2, name: 'Tesla T4' },
  ]);
  assert.deepEqual(parseGpuModel('no gpu'), []);
});

test('a row becomes an entry: IT energy = CodeCarbon energy / pue, known models, site, import key', () => {
  const { rows } = parseCodeCarbonCsv(fixture('emissions.csv'), 'emissions.csv');
  const [a100, , aws, cpu] = rows;
  assert.ok(a100 && aws && cpu);
  const e = codeCarbonRowToEntry(a100, { phase: 'training', model: 'bert-base' });
  assert.equal(e.source, 'codecarbon');
  assert.equal(e.importKey, 'codecarbon:3f2c9a4e-7b1d-4c55-9e0a-2d8f6b1c4e73:2025-03-14T18:42:07');
  assert.equal(e.project, 'bert-finetune');
  assert.equal(e.model, 'bert-base');
  assert.equal(e.atMs, Date.UTC(2025, 2, 14, 18, 42, 7) - 7235.118204832077 * 1000);
  assert.match(e.id, /^e[0-9a-f]{16}$/);
  assert.equal(codeCarbonRowToEntry(a100, { phase: 'training' }).id, e.id, 'same row, same id');
  const spec = e.spec as {
    duration_h: number;
    hardware: Record<string, unknown>[];
    site: unknown;
    embodied: unknown;
  };
  assert.ok(close(spec.duration_h, 7235.118204832077 / 3600));
  assert.deepEqual(spec.hardware, [
    { type: 'gpu', model: 'NVIDIA A100 SXM4 40GB', count: 4, energy_kwh: a100.gpuEnergyKwh },
    { type: 'cpu', model: 'Intel Xeon Gold 6248', count: 1, energy_kwh: a100.cpuEnergyKwh },
    { type: 'dram', capacity_gb: 503.52, energy_kwh: a100.ramEnergyKwh },
  ]);
  assert.deepEqual(
    spec.site,
    { zone: 'FRA' },
    "CodeCarbon's default pue 1 is not a statement about the site",
  );
  assert.deepEqual(spec.embodied, { include: true });
  assert.equal(e.attrs.codecarbon_emissions_kg, '0.1700291100144963');
  assert.equal(e.attrs.codecarbon_version, '3.0.2');

  const cloud = codeCarbonRowToEntry(aws, { phase: 'inference', project: 'evals' }).spec as {
    hardware: Record<string, unknown>[];
    site: unknown;
  };
  assert.deepEqual(cloud.site, { region: 'aws:us-east-1' });
  assert.equal(cloud.hardware[1]?.model, undefined, 'an unknown CPU is priced without a model, not guessed');
  const cpuOnly = codeCarbonRowToEntry(cpu, { phase: 'experimentation' }).spec as {
    hardware: { type: string; energy_kwh: number; model?: string }[];
    site: unknown;
  };
  assert.deepEqual(cpuOnly.site, { zone: 'DEU', pue: 1.4 });
  assert.deepEqual(
    cpuOnly.hardware.map((g) => g.type),
    ['cpu', 'dram'],
  );
  const itEnergy = cpuOnly.hardware.reduce((s, g) => s + g.energy_kwh, 0);
  assert.ok(
    close(itEnergy * 1.4, cpu.energyConsumedKwh, 1e-12),
    'IT energy × pue gives back CodeCarbon energy',
  );
  assert.equal(cpuOnly.hardware[0]?.model, 'AMD EPYC 7763');
});

test('a row without a component split puts its energy on the main processor', () => {
  const text =
    'timestamp,run_id,duration,emissions,energy_consumed,gpu_count\n2024-01-01T00:00:00,r,3600,0.1,0.25,2\n';
  const [row] = parseCodeCarbonCsv(text, 't.csv').rows;
  assert.ok(row);
  const spec = codeCarbonRowToEntry(row, { phase: 'training' }).spec as {
    hardware: Record<string, unknown>[];
  };
  assert.deepEqual(spec.hardware, [
    { type: 'gpu', count: 2, energy_kwh: 0.25 },
    { type: 'cpu', count: 1, energy_kwh: 0 },
  ]);
});

test('placeOf reads the zone and cloud region from a report location', () => {
  assert.deepEqual(placeOf('zone FR'), { zone: 'FR' });
  assert.deepEqual(placeOf('gcp:us-central1 (zone US-MIDW-MISO)'), {
    zone: 'US-MIDW-MISO',
    provider: 'gcp',
    region: 'us-central1',
  });
  assert.deepEqual(placeOf('world average'), {});
});

test('export: exactly CodeCarbon 3.x columns, and parsing it gives back energies and emissions', () => {
  const report = reportFixture();
  const groups = new Map<string, GroupFootprint[]>([
    [
      'r-1',
      [
        { kind: 'gpu', facilityEnergyKwh: 30 as Kwh } as GroupFootprint,
        { kind: 'cpu', facilityEnergyKwh: 4 as Kwh } as GroupFootprint,
        { kind: 'dram', facilityEnergyKwh: 2 as Kwh, embodiedGco2e: 0 as GramsCo2e } as GroupFootprint,
      ],
    ],
  ]);
  const csv = toCodeCarbonCsv(report.items, report, { groups });
  const records = readCsv(csv, 'out.csv');
  assert.deepEqual(records[0]?.fields, [...CODECARBON_COLUMNS]);
  const { rows } = parseCodeCarbonCsv(csv, 'out.csv');
  assert.equal(rows.length, report.items.length);
  report.items.forEach((item, i) => {
    const row = rows[i];
    assert.ok(row);
    assert.equal(row.runId, item.id);
    assert.equal(row.energyConsumedKwh, item.facilityEnergyKwh);
    assert.equal(row.emissionsKg * 1000, item.operationalGco2e.location);
    assert.ok(close(row.durationS, (item.durationHours ?? 0) * 3600));
    assert.ok(close((row.pue ?? 0) * item.energyKwh, item.facilityEnergyKwh));
    assert.equal(row.countryIsoCode, 'FRA');
    assert.equal(row.trackingMode, 'machine');
    assert.equal(row.gpuModel, '4 x NVIDIA A100 SXM4 80GB');
    assert.ok(close(row.endMs - row.durationS * 1000, item.startMs, 1e-9));
  });
  assert.equal(rows[1]?.gpuEnergyKwh, 30);
  assert.equal(rows[1]?.cpuEnergyKwh, 4);
  assert.equal(rows[1]?.ramEnergyKwh, 2);
  assert.equal(rows[0]?.gpuEnergyKwh, 0, 'unknown components are 0');
  const total = parseCodeCarbonCsv(
    toCodeCarbonCsv(report.items, report, { emissions: 'total' }),
    'o.csv',
  ).rows;
  assert.equal((total[0]?.emissionsKg ?? 0) * 1000, report.items[0]?.totalGco2e);
});

test('export then import: the entry prices from the same IT energy at the same PUE', () => {
  const report = reportFixture();
  const { rows } = parseCodeCarbonCsv(toCodeCarbonCsv(report.items, report), 'o.csv');
  rows.forEach((row, i) => {
    const item = report.items[i];
    assert.ok(item);
    const spec = codeCarbonRowToEntry(row, { phase: item.phase }).spec as {
      hardware: { energy_kwh: number }[];
      site: { pue?: number; zone?: string };
    };
    const it = spec.hardware.reduce((s, g) => s + g.energy_kwh, 0);
    assert.ok(close(it, item.energyKwh, 1e-12));
    assert.equal(spec.site.pue, item.pue);
    assert.equal(spec.site.zone, 'FRA');
  });
});
