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
