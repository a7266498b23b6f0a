/**
 * Reads a spec's text (YAML, or JSON, which YAML 1.2 also reads) into a validated spec. Errors name
 * the file, the line, the field and the fix: `job.yaml:7: hardware[1].count must be a positive
 * integer, got -2`. The text is given, not a path: the caller does the I/O.
 */
import { isMap, isScalar, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { FootprintError } from '../core/errors.js';
import { didYouMean } from '../core/suggest.js';

type Path = readonly PropertyKey[];

/** `hardware[1].count` from ['hardware', 1, 'count']. */
export const formatPath = (path: Path): string =>
  path.reduce<string>(
    (out, key) =>
      typeof key === 'number' ? `${out}[${key}]` : out === '' ? String(key) : `${out}.${String(key)}`,
    '',
  );

function valueAt(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const show = (value: unknown): string =>
  value === undefined
    ? 'nothing'
    : typeof value === 'string'
      ? JSON.stringify(value)
      : (JSON.stringify(value) ?? String(value));

export function parseSpecText<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    const what = (syntax.message.split('\n')[0] ?? 'malformed').replace(/ at line \d+, column \d+:?$/, '');
    throw new FootprintError('parse_error', `${file}${line ? `:${line}` : ''}: malformed YAML/JSON: ${what}`);
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new FootprintError(
      'invalid_spec',
      `${file}: expected a mapping of fields (name, phase, hardware, site, …) at the top`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;

  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const lineOf = (path: Path, key?: string): string => {
    const node = (path.length === 0 ? doc.contents : doc.getIn(path as unknown[], true)) as
      | Node
      | null
      | undefined;
    let offset = node?.range?.[0];
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      offset = (pair?.key as Node | undefined)?.range?.[0] ?? offset;
    }
    return offset === undefined ? '' : `:${lines.linePos(offset).line}`;
  };

  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const shape = knownKeys(schema, issue.path);
    const where = formatPath(issue.path);
    throw new FootprintError(
      'invalid_spec',
      `${file}${lineOf(issue.path, key)}: unknown field "${where === '' ? key : `${where}.${key}`}"${didYouMean(key, shape)}; remove it or fix the spelling`,
    );
  }
  const where = formatPath(issue.path);
  const got = valueAt(raw, issue.path);
  const message =
    got === undefined && issue.code === 'invalid_type' ? 'is required' : `${issue.message}, got ${show(got)}`;
  throw new FootprintError('invalid_spec', `${file}${lineOf(issue.path)}: ${where || 'spec'} ${message}`);
}

/** The keys an object schema accepts at `path`, for "did you mean". */
function knownKeys(schema: z.ZodType, path: Path): string[] {
  let node: unknown = schema;
  for (const key of path) {
    node = unwrap(node);
    const def = (node as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown> } }).def;
    if (def?.type === 'array') node = def.element;
    else if (def?.type === 'object' && def.shape) node = def.shape[String(key)];
    else return [];
  }
  const def = (unwrap(node) as { def?: { shape?: Record<string, unknown> } }).def;
  return def?.shape ? Object.keys(def.shape) : [];
}

function unwrap(node: unknown): unknown {
  let current = node as { def?: { type?: string; innerType?: unknown } };
  while (current?.def && ['default', 'optional', 'nullable', 'prefault'].includes(current.def.type ?? '')) {
    current = current.def.innerType as typeof current;
  }
  return current;
}
