/**
 * Where the ledger lives (DESIGN.md §5.2): `--ledger PATH|postgres://…` when given, else
 * `$FOOTPRINT_HOME/ledger.db`, else `~/.footprint/ledger.db`. Resolving is pure (the environment is
 * passed in) so the CLI, the server and tests agree on one rule.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export type LedgerLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string };

type Env = Readonly<Record<string, string | undefined>>;

const nonEmpty = (s: string | undefined): string | undefined => (s && s.trim() !== '' ? s : undefined);

/** The directory Footprint keeps its files in: `$FOOTPRINT_HOME`, else `~/.footprint`. */
export function footprintHome(env: Env = process.env): string {
  const home = nonEmpty(env.FOOTPRINT_HOME);
  if (home) return resolve(home);
  return join(nonEmpty(env.HOME) ?? nonEmpty(env.USERPROFILE) ?? homedir(), '.footprint');
}

export const defaultLedgerPath = (env: Env = process.env): string => join(footprintHome(env), 'ledger.db');

/** `--ledger` as given (absent → the default file); relative paths are taken from `cwd`. */
export function resolveLedgerLocation(
  arg: string | undefined,
  env: Env = process.env,
  cwd: string = process.cwd(),
): LedgerLocation {
  const given = nonEmpty(arg);
  if (!given) return { kind: 'sqlite', path: defaultLedgerPath(env) };
  if (/^postgres(ql)?:\/\//i.test(given)) return { kind: 'postgres', url: given };
  return { kind: 'sqlite', path: resolve(cwd, given) };
}

/** `url` with any password removed, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    for (const key of [...u.searchParams.keys()]) if (/^pass/i.test(key)) u.searchParams.delete(key);
    return u.toString();
  } catch {
    return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1@').replace(/([?&]pass\w*=)[^&]*/gi, '$1***');
  }
}
