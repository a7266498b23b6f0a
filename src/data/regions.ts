/**
 * Cloud regions → the grid zone that powers them and the provider's PUE, so a spec can say
 * `region: gcp:us-central1` instead of a zone and a PUE. Every row says why it has that zone and
 * where its PUE comes from; zones are Electricity Maps zone ids (checked against the 2024 yearly
 * data in regions.test.ts). Validated once at load, then frozen.
 *
 * PUE policy: the most specific figure the provider publishes for the site, else the provider's
 * fleet-wide annual figure (`pue_scope: 'fleet'`, said so in `pue_source`). `pue_range` is the
 * plausible spread around it; how each bound was chosen is written next to the constants below and
 * in docs/data/regions-and-components.md.
 */
import { z } from 'zod';

export const PROVIDERS = ['aws', 'gcp', 'azure'] as const;
export type Provider = (typeof PROVIDERS)[number];

const source = z.string().min(8);
const pue = z.number().finite().min(1);

export const CloudRegionRowSchema = z
  .object({
    /** `provider:region`, lower case: `aws:us-east-1`, `gcp:us-central1`, `azure:eastus`. */
    id: z.string().regex(/^(aws|gcp|azure):[a-z0-9-]+$/),
    provider: z.enum(PROVIDERS),
    /** The provider's own region id. */
    region: z.string().regex(/^[a-z0-9-]+$/),
    /** Where the data centres are, for humans. */
    location: z.string().min(2),
    /** Electricity Maps zone id (`US-MIDA-PJM`, `IE`, `SE-SE3`). */
    zone: z.string().regex(/^[A-Z]{2}(-[A-Z0-9]+)*$/),
    /** Why this zone: the balancing authority or bidding zone the site sits in. */
    zone_source: source,
    /** Annual PUE used as the most likely value. */
    pue,
    /** Plausible [low, high] around `pue`. */
    pue_range: z.tuple([pue, pue]),
    /** `site`: a figure published for this region or campus; `fleet`: the provider's global average. */
    pue_scope: z.enum(['site', 'fleet']),
    /** Report, page and year of the PUE figure; says when it is a fleet figure. */
    pue_source: source,
    /** Where each bound of `pue_range` comes from. */
    pue_range_source: source,
  })
  .strict()
  .refine((r) => r.id === `${r.provider}:${r.region}`, { message: 'id must be provider:region' })
  .refine((r) => r.pue_range[0] <= r.pue && r.pue <= r.pue_range[1], {
    message: 'pue must lie inside pue_range',
  });

export type CloudRegionRowInput = z.input<typeof CloudRegionRowSchema>;
export type CloudRegionRow = z.output<typeof CloudRegionRowSchema>;

// ---- PUE figures, one per published statement ---------------------------------------------------

/** AWS publishes one global figure; 2024 is the year that matches the 2024 grid data used by default. */
const AWS_FLEET = {
  pue: 1.15,
  text: 'AWS global PUE 1.15 for 2024 (also 1.15 for 2023), aws.amazon.com/sustainability/data-centers; fleet figure: AWS per-region values were not verified for this table',
};
/** Low bounds: AWS's best-performing site per geography in 2024 (same page). */
const AWS_BEST = { europe: 1.04, americas: 1.05, asiaPacific: 1.07 } as const;

/** Google's fleet-wide average annual PUE for 2024 (2025 Environmental Report; 1.10 for 2023 in the 2024 report). */
const GCP_FLEET = {
  pue: 1.09,
  text: 'Google fleet-wide average annual PUE 1.09 for 2024 (Google 2025 Environmental Report; 1.10 for 2023); fleet figure: Google per-campus values were not verified for this table',
};
/** Campus spread Google published for its owned campuses (TTM, Q4 2019: 1.07–1.15), per Mytton 2020, J. Cloud Computing 9:45. */
const GCP_CAMPUS_SPREAD = [1.07, 1.15] as const;

/** Microsoft's owned-and-operated fleet average and the design PUE of its newest generation. */
const AZURE_FLEET = {
  pue: 1.18,
  text: 'Microsoft owned-and-operated fleet PUE 1.18 (as reported by DatacenterDynamics, Dec 2024; 1.17 for FY25); fleet figure: no site figure found for this region',
};
const AZURE_DESIGN = 1.12;

/**
 * High bounds (a judgement, documented): 1.25 is the public-cloud industry average PUE that AWS
 * quotes from IDC (Doc US51911924, Jan 2025); hot and humid sites (Singapore, Mumbai, Pune) get 1.4
 * because cooling dominates there and Microsoft reports its Asia Pacific operating PUE as markedly
 * higher than its other geographies (Azure blog, Apr 2022).
 */
const HIGH_TEMPERATE = 1.25;
const HIGH_TROPICAL = 1.4;

const awsRange = (low: number, high = HIGH_TEMPERATE) =>
  `range: low ${low} = AWS best site in this geography, 2024; high ${high} = ${high === HIGH_TROPICAL ? 'hot-humid climate judgement' : 'IDC public-cloud average quoted by AWS'}`;
const gcpOwned = `range ${GCP_CAMPUS_SPREAD[0]}–${GCP_CAMPUS_SPREAD[1]}: spread of Google-owned campus TTM PUE (Q4 2019, Mytton 2020)`;
const gcpColo = (high: number) =>
  `no Google-owned campus is published for this region, so the owned-campus spread does not apply; range: low ${GCP_CAMPUS_SPREAD[0]} = best Google campus, high ${high} = ${high === HIGH_TROPICAL ? 'hot-humid climate judgement' : 'IDC public-cloud average quoted by AWS'}`;
const azureRange = (high = HIGH_TEMPERATE) =>
  `range: low ${AZURE_DESIGN} = Microsoft design PUE of its newest datacenters; high ${high} = ${high === HIGH_TROPICAL ? 'hot-humid climate judgement (Asia Pacific is Microsoft’s least efficient geography)' : 'IDC public-cloud average quoted by AWS'}`;

const aws = (
  region: string,
  location: string,
  zone: string,
  zone_source: string,
  low: number,
  high = HIGH_TEMPERATE,
) =>
  ({
    id: `aws:${region}`,
    provider: 'aws',
    region,
    location,
    zone,
    zone_source,
    pue: AWS_FLEET.pue,
    pue_range: [low, high],
    pue_scope: 'fleet',
    pue_source: AWS_FLEET.text,
    pue_range_source: awsRange(low, high),
  }) satisfies CloudRegionRowInput;

const gcp = (
  region: string,
  location: string,
  zone: string,
  zone_source: string,
  campus: 'owned' | 'colo',
  high = HIGH_TEMPERATE,
) =>
  ({
    id: `gcp:${region}`,
    provider: 'gcp',
    region,
    location,
    zone,
    zone_source,
    pue: GCP_FLEET.pue,
    pue_range:
      campus === 'owned' ? [GCP_CAMPUS_SPREAD[0], GCP_CAMPUS_SPREAD[1]] : [GCP_CAMPUS_SPREAD[0], high],
    pue_scope: 'fleet',
    pue_source: GCP_FLEET.text,
    pue_range_source: campus === 'owned' ? gcpOwned : gcpColo(high),
  }) satisfies CloudRegionRowInput;

const azure = (region: string, location: string, zone: string, zone_source: string, high = HIGH_TEMPERATE) =>
  ({
    id: `azure:${region}`,
    provider: 'azure',
    region,
    location,
    zone,
    zone_source,
    pue: AZURE_FLEET.pue,
    pue_range: [AZURE_DESIGN, high],
    pue_scope: 'fleet',
    pue_source: AZURE_FLEET.text,
    pue_range_source: azureRange(high),
  }) satisfies CloudRegionRowInput;

// ---- Zone reasons used by more than one row ------------------------------------------------------

const PJM_NOVA =
  'Northern Virginia (Loudoun / Prince William counties), Dominion zone of the PJM balancing authority';
const PJM_VA = 'Virginia; all of Dominion Energy’s Virginia territory is in the PJM balancing authority';
const CAISO_BAY =
  'San Francisco Bay Area (Silicon Valley); the local utilities sit inside the CAISO balancing authority';
const BR_SE =
  'São Paulo state, in the Southeast/Centre-West subsystem of Brazil’s grid (Electricity Maps BR-CS)';
const QUEBEC = 'Montréal, Québec: Hydro-Québec grid';
const IRELAND = 'Dublin area; Ireland is one Electricity Maps zone (EirGrid)';
const GB = 'London area; Great Britain zone (National Grid ESO)';
const FRANCE = 'Paris area; France is one bidding zone (RTE)';
const GERMANY = 'Frankfurt am Main; Germany is one zone in Electricity Maps (DE-LU bidding zone)';
const NETHERLANDS = 'the Netherlands is one bidding zone (TenneT)';
const TOKYO = 'Tokyo area: TEPCO Power Grid service area (Electricity Maps JP-TK)';
const SEOUL = 'Seoul area; South Korea is one zone (KPX)';
const SINGAPORE = 'Singapore is one zone';
const WEST_INDIA = 'Maharashtra, in India’s Western regional grid (Electricity Maps IN-WE)';
const NSW = 'Sydney, New South Wales region of the National Electricity Market (AU-NSW)';

const RAW_REGIONS: readonly CloudRegionRowInput[] = [
  // ---- AWS: regions from docs.aws.amazon.com (Regions and Availability Zones) ----
  aws('us-east-1', 'Northern Virginia, US', 'US-MIDA-PJM', PJM_NOVA, AWS_BEST.americas),
  aws(
    'us-east-2',
    'Ohio (Columbus area), US',
    'US-MIDA-PJM',
    'central Ohio, AEP Ohio territory in the PJM balancing authority',
    AWS_BEST.americas,
  ),
  aws('us-west-1', 'Northern California, US', 'US-CAL-CISO', CAISO_BAY, AWS_BEST.americas),
  aws(
    'us-west-2',
    'Oregon (Morrow and Umatilla counties), US',
    'US-NW-BPAT',
    'north-east Oregon; local public utilities (e.g. Umatilla Electric Cooperative) are in the Bonneville Power Administration balancing authority',
    AWS_BEST.americas,
  ),
  aws('ca-central-1', 'Montréal, Canada', 'CA-QC', QUEBEC, AWS_BEST.americas),
  aws('sa-east-1', 'São Paulo, Brazil', 'BR-CS', BR_SE, AWS_BEST.americas),
  aws('eu-west-1', 'Dublin, Ireland', 'IE', IRELAND, AWS_BEST.europe),
  aws('eu-west-2', 'London, UK', 'GB', GB, AWS_BEST.europe),
  aws('eu-west-3', 'Paris, France', 'FR', FRANCE, AWS_BEST.europe),
  aws('eu-central-1', 'Frankfurt, Germany', 'DE', GERMANY, AWS_BEST.europe),
  aws(
    'eu-north-1',
    'Stockholm area (Västerås, Eskilstuna, Katrineholm), Sweden',
    'SE-SE3',
    'the three sites lie in bidding zone SE3 (Stockholm / central Sweden)',
    AWS_BEST.europe,
  ),
  aws('ap-northeast-1', 'Tokyo, Japan', 'JP-TK', TOKYO, AWS_BEST.asiaPacific),
  aws('ap-northeast-2', 'Seoul, South Korea', 'KR', SEOUL, AWS_BEST.asiaPacific),
  aws('ap-southeast-1', 'Singapore', 'SG', SINGAPORE, AWS_BEST.asiaPacific, HIGH_TROPICAL),
  aws('ap-south-1', 'Mumbai, India', 'IN-WE', WEST_INDIA, AWS_BEST.asiaPacific, HIGH_TROPICAL),
  aws('ap-southeast-2', 'Sydney, Australia', 'AU-NSW', NSW, AWS_BEST.asiaPacific),

  // ---- Google Cloud: locations from cloud.google.com/about/locations ----
  gcp(
    'us-central1',
    'Council Bluffs, Iowa, US',
    'US-MIDW-MISO',
    'Council Bluffs is served by MidAmerican Energy, a member of the MISO balancing authority',
    'owned',
  ),
  gcp(
    'us-east1',
    'Moncks Corner (Berkeley County), South Carolina, US',
    'US-CAR-SC',
    'Berkeley County campus; the area’s cooperatives take power from Santee Cooper, the South Carolina Public Service Authority balancing authority',
    'owned',
  ),
  gcp('us-east4', 'Ashburn, Northern Virginia, US', 'US-MIDA-PJM', PJM_NOVA, 'owned'),
  gcp(
    'us-west1',
    'The Dalles, Oregon, US',
    'US-NW-BPAT',
    'The Dalles campus; Northern Wasco County PUD is in the Bonneville Power Administration balancing authority',
    'owned',
  ),
  gcp(
    'us-west4',
    'Las Vegas (Henderson), Nevada, US',
    'US-NW-NEVP',
    'Henderson, southern Nevada: NV Energy’s Nevada Power Company balancing authority',
    'owned',
  ),
  gcp('northamerica-northeast1', 'Montréal, Canada', 'CA-QC', QUEBEC, 'colo'),
  gcp('southamerica-east1', 'Osasco (São Paulo), Brazil', 'BR-CS', BR_SE, 'colo'),
  gcp(
    'europe-west1',
    'St. Ghislain, Belgium',
    'BE',
    'St. Ghislain campus; Belgium is one bidding zone (Elia)',
    'owned',
  ),
  gcp('europe-west2', 'London, UK', 'GB', GB, 'colo'),
  gcp('europe-west3', 'Frankfurt, Germany', 'DE', GERMANY, 'colo'),
  gcp(
    'europe-west4',
    'Eemshaven, Netherlands',
    'NL',
    `Eemshaven campus (Groningen); ${NETHERLANDS}`,
    'owned',
  ),
  gcp('europe-west9', 'Paris, France', 'FR', FRANCE, 'colo'),
  gcp(
    'europe-north1',
    'Hamina, Finland',
    'FI',
    'Hamina campus; Finland is one bidding zone (Fingrid)',
    'owned',
  ),
  gcp('asia-northeast1', 'Tokyo, Japan', 'JP-TK', TOKYO, 'colo'),
  gcp('asia-northeast3', 'Seoul, South Korea', 'KR', SEOUL, 'colo'),
  gcp('asia-south1', 'Mumbai, India', 'IN-WE', WEST_INDIA, 'colo', HIGH_TROPICAL),
  gcp('asia-southeast1', 'Jurong West, Singapore', 'SG', `Jurong West campus; ${SINGAPORE}`, 'owned'),
  gcp('australia-southeast1', 'Sydney, Australia', 'AU-NSW', NSW, 'colo'),

  // ---- Azure: regions from learn.microsoft.com (Azure geographies) ----
  azure('eastus', 'Virginia, US', 'US-MIDA-PJM', PJM_VA),
  azure('eastus2', 'Virginia, US', 'US-MIDA-PJM', PJM_VA),
  azure('westus', 'California (Bay Area), US', 'US-CAL-CISO', CAISO_BAY),
  azure(
    'westus2',
    'Quincy, Washington, US',
    'US-NW-GCPD',
    'Quincy is served by Grant County PUD, its own balancing authority (Electricity Maps US-NW-GCPD)',
  ),
  azure(
    'centralus',
    'Des Moines area, Iowa, US',
    'US-MIDW-MISO',
    'West Des Moines is served by MidAmerican Energy, a member of the MISO balancing authority',
  ),
  azure(
    'southcentralus',
    'San Antonio, Texas, US',
    'US-TEX-ERCO',
    'San Antonio (CPS Energy) is inside the ERCOT balancing authority',
  ),
  azure('canadacentral', 'Toronto, Canada', 'CA-ON', 'Toronto, Ontario: IESO grid (Electricity Maps CA-ON)'),
  azure('brazilsouth', 'Campinas (São Paulo state), Brazil', 'BR-CS', BR_SE),
  azure('northeurope', 'Dublin, Ireland', 'IE', IRELAND),
  azure('westeurope', 'Amsterdam area, Netherlands', 'NL', `Amsterdam area and Middenmeer; ${NETHERLANDS}`),
  azure('uksouth', 'London, UK', 'GB', GB),
  azure('francecentral', 'Paris, France', 'FR', FRANCE),
  azure('germanywestcentral', 'Frankfurt, Germany', 'DE', GERMANY),
  azure(
    'swedencentral',
    'Gävle and Sandviken, Sweden',
    'SE-SE3',
    'Gävle and Sandviken lie in bidding zone SE3; the region’s third site, Staffanstorp, is in SE4 and is not modelled separately',
  ),
  azure('japaneast', 'Tokyo and Saitama, Japan', 'JP-TK', `${TOKYO}; Saitama is in the same area`),
  azure('koreacentral', 'Seoul, South Korea', 'KR', SEOUL),
  azure('southeastasia', 'Singapore', 'SG', SINGAPORE, HIGH_TROPICAL),
  azure('centralindia', 'Pune, India', 'IN-WE', WEST_INDIA, HIGH_TROPICAL),
  azure('australiaeast', 'New South Wales, Australia', 'AU-NSW', NSW),
];

/**
 * Ireland is the one Azure region with a published site figure: "Our Ireland datacenters had a
 * 12-month weighted average PUE of 1.22 for 2021. The new datacenters that commenced design in
 * January 2021 will have a design PUE of 1.12" (Microsoft, local.microsoft.com, "Understanding
 * energy use and sustainability investments at the Ireland datacenters"). It is older than the
 * fleet figure but specific to the site, so it wins.
 */
const SITE_OVERRIDES: Readonly<
  Record<
    string,
    Pick<CloudRegionRowInput, 'pue' | 'pue_range' | 'pue_scope' | 'pue_source' | 'pue_range_source'>
  >
> = {
  'azure:northeurope': {
    pue: 1.22,
    pue_range: [AZURE_DESIGN, HIGH_TEMPERATE],
    pue_scope: 'site',
    pue_source:
      'Microsoft, "Understanding energy use and sustainability investments at the Ireland datacenters" (local.microsoft.com): 12-month weighted average PUE 1.22 for 2021',
    pue_range_source:
      'low 1.12 = design PUE of the new Ireland datacenters (same page); high 1.25 = IDC public-cloud average quoted by AWS',
  },
};

const deepFreeze = <T extends object>(row: T): Readonly<T> => {
  for (const v of Object.values(row)) if (typeof v === 'object' && v !== null) Object.freeze(v);
  return Object.freeze(row);
};

export const REGIONS: readonly CloudRegionRow[] = Object.freeze(
  RAW_REGIONS.map((raw) => deepFreeze(CloudRegionRowSchema.parse({ ...raw, ...SITE_OVERRIDES[raw.id] }))),
);
