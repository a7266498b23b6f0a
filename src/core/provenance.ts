/**
 * Where a number came from. Every input that moves a footprint carries one entry, so no default is
 * ever silent: outputs list the defaults they used, and a reader can tell a counter from a guess.
 */
export const PROVENANCE_KINDS = ['measured', 'modelled', 'declared', 'default'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

export interface Provenance {
  /** The input it describes, as a path a user recognises: `site.pue`, `hardware[0].power_w`. */
  readonly field: string;
  readonly kind: ProvenanceKind;
  readonly value: number | string;
  /** Unit of `value` when it is a number. */
  readonly unit?: string;
  /** Which sensor, which model and constants, which table and year, or the file it was declared in. */
  readonly source: string;
}

export const defaultsUsed = (entries: readonly Provenance[]): Provenance[] =>
  entries.filter((p) => p.kind === 'default');
