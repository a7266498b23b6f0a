/**
 * The layer rules of DESIGN.md §4, checked on the import lines of every source file: core imports
 * only core (no node:*, no packages); data, telemetry and ledger import core and their own
 * packages, not each other; analysis, schedule and report use core and data; cli and server are
 * composition roots that nothing else imports.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './support/cli.js';

const SRC = join(ROOT, 'src');
const LAYERS = [
  'core',
  'data',
  'telemetry',
  'ledger',
  'analysis',
  'schedule',
  'report',
  'server',
  'cli',
] as const;
type Layer = (typeof LAYERS)[number];

const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  data: ['core', 'data'],
  telemetry: ['core', 'telemetry'],
  ledger: ['core', 'ledger'],
  analysis: ['core', 'data', 'analysis'],
  schedule: ['core', 'data', 'schedule'],
  report: ['core', 'data', 'report'],
  server: [...LAYERS.filter((l) => l !== 'cli')],
  cli: [...LAYERS],
};

/** Layers that may use Node built-ins or npm packages. */
const MAY_USE_PACKAGES: ReadonlySet<Layer> = new Set(LAYERS.filter((l) => l !== 'core'));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !/\.test(-util)?\.ts$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

const layerOf = (file: string): Layer | undefined =>
  relative(SRC, file).split(/[\\/]/)[0] as Layer | undefined;

export function violations(file: string, text: string): string[] {
  const from = layerOf(file);
  if (!from || !LAYERS.includes(from)) return [`${file}: not inside a layer folder`];
  const found: string[] = [];
  const specifiers = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => (m[1] ?? m[2]) as string);
  for (const spec of specifiers) {
    if (spec.startsWith('.')) {
      const to = layerOf(resolve(dirname(file), spec));
      if (to && !ALLOWED[from].includes(to))
        found.push(`${relative(ROOT, file)}: ${from} must not import ${to} (${spec})`);
    } else if (!MAY_USE_PACKAGES.has(from)) {
      found.push(`${relative(ROOT, file)}: ${from} must stay pure, but imports ${spec}`);
    }
  }
  return found;
}

test('every source file keeps to its layer', () => {
  const files = sources(SRC);
  assert.ok(files.length > 20, `only ${files.length} source files found`);
  const broken = files.flatMap((f) => violations(f, readFileSync(f, 'utf8')));
  assert.deepEqual(broken, []);
});

test('the checker catches a broken rule', () => {
  assert.equal(violations(join(SRC, 'core', 'x.ts'), "import { readFile } from 'node:fs';").length, 1);
  assert.equal(violations(join(SRC, 'data', 'x.ts'), "import { x } from '../telemetry/y.js';").length, 1);
  assert.equal(violations(join(SRC, 'report', 'x.ts'), "import { x } from '../cli/y.js';").length, 1);
  assert.equal(violations(join(SRC, 'cli', 'x.ts'), "import { x } from '../data/y.js';").length, 0);
});
