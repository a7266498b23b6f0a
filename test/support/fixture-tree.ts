/**
 * Writes fixture trees (fake sysfs powercap, fake procfs) into a temp directory: the production
 * readers run on them unchanged, with their root pointed there.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function fixtureTree(files: Readonly<Record<string, string>>, prefix = 'footprint-fixture-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(root, 0o755); // like sysfs and procfs: listable by everyone
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** A two-package RAPL tree with dram, core and psys zones, as found on a two-socket Xeon. */
export function raplTree(
  energyUj: { pkg0: number; pkg1: number; dram0: number },
  maxUj = 262143328850,
): string {
  const zone = (name: string, energy: number) => ({
    name: `${name}\n`,
    energy_uj: `${energy}\n`,
    max_energy_range_uj: `${maxUj}\n`,
  });
  const files: Record<string, string> = {};
  const add = (dir: string, z: Record<string, string>) => {
    for (const [k, v] of Object.entries(z)) files[`${dir}/${k}`] = v;
  };
  add('intel-rapl:0', zone('package-0', energyUj.pkg0));
  add('intel-rapl:0/intel-rapl:0:0', zone('core', 1));
  add('intel-rapl:0/intel-rapl:0:1', zone('dram', energyUj.dram0));
  add('intel-rapl:1', zone('package-1', energyUj.pkg1));
  add('intel-rapl:1/intel-rapl:1:0', zone('core', 1));
  add('intel-rapl:2', zone('psys', 5));
  add('intel-rapl-mmio:0', zone('package-0', 7));
  return fixtureTree(files, 'footprint-rapl-');
}
