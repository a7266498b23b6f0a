/**
 * CPU power as a share of TDP at a given utilization, for hosts without RAPL: the load curve
 * measured by Teads on AWS EC2 instances (B. Davy, "Building an AWS EC2 Carbon Emissions Dataset",
 * Teads Engineering, 2021), also used by Boavizta's CPU consumption profile: 12 % of TDP at idle,
 * 32 % at 10 % load, 75 % at 50 %, 102 % at 100 %. Piecewise-linear between those points, not a
 * flat 50 % and not linear from zero: an idle CPU still draws power.
 */
const POINTS: readonly (readonly [number, number])[] = [
  [0, 0.12],
  [0.1, 0.32],
  [0.5, 0.75],
  [1, 1.02],
];

export const LOAD_CURVE_SOURCE =
  'Teads EC2 load curve (Davy 2021; Boavizta): 12 % TDP idle, 32 % at 10 %, 75 % at 50 %, 102 % at 100 % load';

/** P / TDP at utilization `load` in [0, 1]. */
export function tdpShareAtLoad(load: number): number {
  const u = Math.min(1, Math.max(0, load));
  for (let i = 1; i < POINTS.length; i++) {
    const [x1, y1] = POINTS[i] as readonly [number, number];
    const [x0, y0] = POINTS[i - 1] as readonly [number, number];
    if (u <= x1) return y0 + ((u - x0) / (x1 - x0)) * (y1 - y0);
  }
  return (POINTS[POINTS.length - 1] as readonly [number, number])[1];
}
