/**
 * Argument parsing on node:util parseArgs, with parse failures turned into usage errors (exit 2)
 * that point at --help.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { FootprintError } from '../core/errors.js';

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: readonly string[],
  options: T,
  allowPositionals = true,
) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new FootprintError('usage', `${command}: ${message}; see footprint ${command} --help`);
  }
}

/**
 * A numeric option: absent stays absent; anything that is not a finite number passing `ok` is a
 * usage error naming the flag and what it must be (`run: --pue must be at least 1, got 0.9`).
 */
export function numberOption(
  command: string,
  flag: string,
  value: string | undefined,
  ok: (n: number) => boolean,
  words: string,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !ok(n)) {
    throw new FootprintError('usage', `${command}: ${flag} must be ${words}, got ${value}`);
  }
  return n;
}
