/**
 * Lookup of cloud regions by `provider:region` (aws:us-east-1), case-insensitive.
 */
import { type CloudRegionRow, REGIONS } from './regions.js';

const BY_ID = new Map(REGIONS.map((r) => [r.id.toLowerCase(), r]));

export const REGION_IDS: readonly string[] = REGIONS.map((r) => r.id);

export const findRegion = (query: string): CloudRegionRow | undefined =>
  BY_ID.get(query.trim().toLowerCase());

/** Regions whose id, location or zone contains `text`. */
export function searchRegions(text = ''): CloudRegionRow[] {
  const q = text.trim().toLowerCase();
  return REGIONS.filter((r) => `${r.id} ${r.location} ${r.zone}`.toLowerCase().includes(q));
}
