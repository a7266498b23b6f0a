/**
 * `estimate`: a spec's text → a priced footprint with its uncertainty and provenance.
 */
import type { Job } from '../core/job.js';
import {
  DEFAULT_UNCERTAINTY,
  simulate,
  type Uncertainty,
  type UncertaintyOptions,
} from '../core/monte-carlo.js';
import { type PricedJob, priceJob } from '../core/price.js';
import { resolveSpec } from './resolve-spec.js';
import { type EstimateSpec, EstimateSpecSchema } from './spec.js';
import { parseSpecText } from './spec-file.js';

export interface Estimate {
  readonly spec: EstimateSpec;
  readonly job: Job;
  readonly priced: PricedJob;
  readonly uncertainty: Uncertainty;
}

export function estimateSpec(
  spec: EstimateSpec,
  file: string,
  options: UncertaintyOptions = DEFAULT_UNCERTAINTY,
): Estimate {
  const job = resolveSpec(spec, file);
  return { spec, job, priced: priceJob(job), uncertainty: simulate(job, options) };
}

export function estimateText(
  text: string,
  file: string,
  options: UncertaintyOptions = DEFAULT_UNCERTAINTY,
): Estimate {
  return estimateSpec(parseSpecText(text, file, EstimateSpecSchema), file, options);
}
