/**
 * Published splits of ML footprints by life-cycle phase, to set beside a measured one.
 * Source: Wu et al. 2022, "Sustainable AI: Environmental Implications, Challenges and
 * Opportunities" (MLSys), §III-A: Facebook's ML infrastructure capacity is split about
 * 10 : 20 : 70 between experimentation, training and inference; the RM1 recommendation model's
 * operational energy splits 31 : 29 : 40 between data, experimentation/training and inference.
 */
export interface PublishedSplit {
  readonly name: string;
  readonly source: string;
  readonly basis: 'capacity' | 'energy';
  readonly shares: Readonly<Record<string, number>>;
}

export const PAPER_SPLITS: readonly PublishedSplit[] = Object.freeze([
  {
    name: 'ML infrastructure capacity (Facebook)',
    source: 'Wu et al. 2022, Sustainable AI (MLSys), §III-A',
    basis: 'capacity',
    shares: { experimentation: 0.1, training: 0.2, inference: 0.7 },
  },
  {
    name: 'RM1 operational energy',
    source: 'Wu et al. 2022, Sustainable AI (MLSys), §III-A, Fig. 3',
    basis: 'energy',
    shares: { data: 0.31, 'experimentation+training': 0.29, inference: 0.4 },
  },
]);
