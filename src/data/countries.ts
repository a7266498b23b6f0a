/**
 * ISO 3166-1 alpha-3 → alpha-2 country codes, for every country that @tgwf/co2's `averageIntensity`
 * (Ember annual data) keys by alpha-3, so a zone given as `DEU`, `DE` or an Electricity Maps id
 * resolves to one country. Typed in from ISO 3166-1; aggregates (WORLD, EU, ASIA, G20, …) are not
 * countries and are deliberately absent, which lets callers use `iso3 in ISO3_TO_ISO2` to skip them.
 *
 * One non-ISO pair: Kosovo has no ISO 3166-1 assignment; XKX / XK are the user-assigned codes that
 * Ember, the EU and the IMF use for it.
 *
 * Validated once at load (shape of both codes, no alpha-2 used twice), then frozen.
 */
import { z } from 'zod';

export const Iso3ToIso2Schema = z
  .record(z.string().regex(/^[A-Z]{3}$/), z.string().regex(/^[A-Z]{2}$/))
  .refine((m) => new Set(Object.values(m)).size === Object.keys(m).length, {
    message: 'an alpha-2 code is mapped from two alpha-3 codes',
  });

const TABLE = {
  ABW: 'AW', // Aruba
  AFG: 'AF', // Afghanistan
  AGO: 'AO', // Angola
  ALB: 'AL', // Albania
  ARE: 'AE', // United Arab Emirates
  ARG: 'AR', // Argentina
  ARM: 'AM', // Armenia
  ASM: 'AS', // American Samoa
  ATG: 'AG', // Antigua and Barbuda
  AUS: 'AU', // Australia
  AUT: 'AT', // Austria
  AZE: 'AZ', // Azerbaijan
  BDI: 'BI', // Burundi
  BEL: 'BE', // Belgium
  BEN: 'BJ', // Benin
  BFA: 'BF', // Burkina Faso
  BGD: 'BD', // Bangladesh
  BGR: 'BG', // Bulgaria
  BHR: 'BH', // Bahrain
  BHS: 'BS', // Bahamas
  BIH: 'BA', // Bosnia and Herzegovina
  BLR: 'BY', // Belarus
  BLZ: 'BZ', // Belize
  BOL: 'BO', // Bolivia
  BRA: 'BR', // Brazil
  BRB: 'BB', // Barbados
  BRN: 'BN', // Brunei Darussalam
  BTN: 'BT', // Bhutan
  BWA: 'BW', // Botswana
  CAF: 'CF', // Central African Republic
  CAN: 'CA', // Canada
  CHE: 'CH', // Switzerland
  CHL: 'CL', // Chile
  CHN: 'CN', // China
  CIV: 'CI', // Côte d'Ivoire
  CMR: 'CM', // Cameroon
  COD: 'CD', // Congo, Democratic Republic of the
  COG: 'CG', // Congo
  COK: 'CK', // Cook Islands
  COL: 'CO', // Colombia
  COM: 'KM', // Comoros
  CPV: 'CV', // Cabo Verde
  CRI: 'CR', // Costa Rica
  CUB: 'CU', // Cuba
  CYM: 'KY', // Cayman Islands
  CYP: 'CY', // Cyprus
  CZE: 'CZ', // Czechia
  DEU: 'DE', // Germany
  DJI: 'DJ', // Djibouti
  DMA: 'DM', // Dominica
  DNK: 'DK', // Denmark
  DOM: 'DO', // Dominican Republic
  DZA: 'DZ', // Algeria
  ECU: 'EC', // Ecuador
  EGY: 'EG', // Egypt
  ERI: 'ER', // Eritrea
  ESP: 'ES', // Spain
  EST: 'EE', // Estonia
  ETH: 'ET', // Ethiopia
  FIN: 'FI', // Finland
  FJI: 'FJ', // Fiji
  FLK: 'FK', // Falkland Islands (Malvinas)
  FRA: 'FR', // France
  FRO: 'FO', // Faroe Islands
  GAB: 'GA', // Gabon
  GBR: 'GB', // United Kingdom
  GEO: 'GE', // Georgia
  GHA: 'GH', // Ghana
  GIN: 'GN', // Guinea
  GLP: 'GP', // Guadeloupe
  GMB: 'GM', // Gambia
  GNB: 'GW', // Guinea-Bissau
  GNQ: 'GQ', // Equatorial Guinea
  GRC: 'GR', // Greece
  GRD: 'GD', // Grenada
  GRL: 'GL', // Greenland
  GTM: 'GT', // Guatemala
  GUF: 'GF', // French Guiana
  GUM: 'GU', // Guam
  GUY: 'GY', // Guyana
  HKG: 'HK', // Hong Kong
  HND: 'HN', // Honduras
  HRV: 'HR', // Croatia
  HTI: 'HT', // Haiti
  HUN: 'HU', // Hungary
  IDN: 'ID', // Indonesia
  IND: 'IN', // India
  IRL: 'IE', // Ireland
  IRN: 'IR', // Iran
  IRQ: 'IQ', // Iraq
  ISL: 'IS', // Iceland
  ISR: 'IL', // Israel
  ITA: 'IT', // Italy
  JAM: 'JM', // Jamaica
  JOR: 'JO', // Jordan
  JPN: 'JP', // Japan
  KAZ: 'KZ', // Kazakhstan
  KEN: 'KE', // Kenya
  KGZ: 'KG', // Kyrgyzstan
  KHM: 'KH', // Cambodia
  KIR: 'KI', // Kiribati
  KNA: 'KN', // Saint Kitts and Nevis
  KOR: 'KR', // Korea, Republic of
  KWT: 'KW', // Kuwait
  LAO: 'LA', // Lao People's Democratic Republic
  LBN: 'LB', // Lebanon
  LBR: 'LR', // Liberia
  LBY: 'LY', // Libya
  LCA: 'LC', // Saint Lucia
  LKA: 'LK', // Sri Lanka
  LSO: 'LS', // Lesotho
  LTU: 'LT', // Lithuania
  LUX: 'LU', // Luxembourg
  LVA: 'LV', // Latvia
  MAC: 'MO', // Macao
  MAR: 'MA', // Morocco
  MDA: 'MD', // Moldova
  MDG: 'MG', // Madagascar
  MDV: 'MV', // Maldives
  MEX: 'MX', // Mexico
  MKD: 'MK', // North Macedonia
  MLI: 'ML', // Mali
  MLT: 'MT', // Malta
  MMR: 'MM', // Myanmar
  MNE: 'ME', // Montenegro
  MNG: 'MN', // Mongolia
  MOZ: 'MZ', // Mozambique
  MRT: 'MR', // Mauritania
  MSR: 'MS', // Montserrat
  MTQ: 'MQ', // Martinique
  MUS: 'MU', // Mauritius
  MWI: 'MW', // Malawi
  MYS: 'MY', // Malaysia
  NAM: 'NA', // Namibia
  NCL: 'NC', // New Caledonia
  NER: 'NE', // Niger
  NGA: 'NG', // Nigeria
  NIC: 'NI', // Nicaragua
  NLD: 'NL', // Netherlands
  NOR: 'NO', // Norway
  NPL: 'NP', // Nepal
  NRU: 'NR', // Nauru
  NZL: 'NZ', // New Zealand
  OMN: 'OM', // Oman
  PAK: 'PK', // Pakistan
  PAN: 'PA', // Panama
  PER: 'PE', // Peru
  PHL: 'PH', // Philippines
  PNG: 'PG', // Papua New Guinea
  POL: 'PL', // Poland
  PRI: 'PR', // Puerto Rico
  PRK: 'KP', // Korea, Democratic People's Republic of
  PRT: 'PT', // Portugal
  PRY: 'PY', // Paraguay
  PSE: 'PS', // Palestine, State of
  PYF: 'PF', // French Polynesia
  QAT: 'QA', // Qatar
  REU: 'RE', // Réunion
  ROU: 'RO', // Romania
  RUS: 'RU', // Russian Federation
  RWA: 'RW', // Rwanda
  SAU: 'SA', // Saudi Arabia
  SDN: 'SD', // Sudan
  SEN: 'SN', // Senegal
  SGP: 'SG', // Singapore
  SLB: 'SB', // Solomon Islands
  SLE: 'SL', // Sierra Leone
  SLV: 'SV', // El Salvador
  SOM: 'SO', // Somalia
  SPM: 'PM', // Saint Pierre and Miquelon
  SRB: 'RS', // Serbia
  SSD: 'SS', // South Sudan
  STP: 'ST', // Sao Tome and Principe
  SUR: 'SR', // Suriname
  SVK: 'SK', // Slovakia
  SVN: 'SI', // Slovenia
  SWE: 'SE', // Sweden
  SWZ: 'SZ', // Eswatini
  SYC: 'SC', // Seychelles
  SYR: 'SY', // Syrian Arab Republic
  TCA: 'TC', // Turks and Caicos Islands
  TCD: 'TD', // Chad
  TGO: 'TG', // Togo
  THA: 'TH', // Thailand
  TJK: 'TJ', // Tajikistan
  TKM: 'TM', // Turkmenistan
  TON: 'TO', // Tonga
  TTO: 'TT', // Trinidad and Tobago
  TUN: 'TN', // Tunisia
  TUR: 'TR', // Türkiye
  TWN: 'TW', // Taiwan
  TZA: 'TZ', // Tanzania
  UGA: 'UG', // Uganda
  UKR: 'UA', // Ukraine
  URY: 'UY', // Uruguay
  USA: 'US', // United States of America
  UZB: 'UZ', // Uzbekistan
  VCT: 'VC', // Saint Vincent and the Grenadines
  VEN: 'VE', // Venezuela
  VGB: 'VG', // Virgin Islands (British)
  VIR: 'VI', // Virgin Islands (U.S.)
  VNM: 'VN', // Viet Nam
  VUT: 'VU', // Vanuatu
  WSM: 'WS', // Samoa
  XKX: 'XK', // Kosovo (user-assigned code, not ISO 3166-1)
  YEM: 'YE', // Yemen
  ZAF: 'ZA', // South Africa
  ZMB: 'ZM', // Zambia
  ZWE: 'ZW', // Zimbabwe
} as const satisfies Record<string, string>;

export const COUNTRY_CODES_SOURCE =
  'ISO 3166-1 (alpha-3 → alpha-2); XKX/XK for Kosovo are user-assigned codes';

export const ISO3_TO_ISO2: Readonly<Record<string, string>> = Object.freeze(Iso3ToIso2Schema.parse(TABLE));
