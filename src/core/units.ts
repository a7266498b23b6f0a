/**
 * Branded units. A number that means energy cannot be passed where carbon is expected, and every
 * constructor rejects NaN and ±Infinity so that a bad input fails where it enters, not three
 * formulas later. Sensor units (µJ, mJ, lbs/MWh) are converted at the edge where they are read.
 */
import { FootprintError } from './errors.js';

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Kwh = Brand<number, 'kWh'>;
export type Joules = Brand<number, 'J'>;
export type Watts = Brand<number, 'W'>;
export type Seconds = Brand<number, 's'>;
export type Hours = Brand<number, 'h'>;
export type GramsCo2e = Brand<number, 'gCO2e'>;
export type GramsCo2ePerKwh = Brand<number, 'gCO2e/kWh'>;
/** A share in [0, 1]: utilization, carbon-free-energy fraction. */
export type Fraction = Brand<number, 'fraction'>;

function finite(value: number, unit: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new FootprintError('invalid_value', `expected a finite number of ${unit}, got ${String(value)}`);
  }
  return value;
}

function nonNegative(value: number, unit: string): number {
  if (finite(value, unit) < 0) {
    throw new FootprintError('invalid_value', `expected a non-negative number of ${unit}, got ${value}`);
  }
  return value;
}

export const kwh = (v: number): Kwh => nonNegative(v, 'kWh') as Kwh;
export const joules = (v: number): Joules => nonNegative(v, 'J') as Joules;
export const watts = (v: number): Watts => nonNegative(v, 'W') as Watts;
export const seconds = (v: number): Seconds => nonNegative(v, 's') as Seconds;
export const hours = (v: number): Hours => nonNegative(v, 'h') as Hours;
/** Carbon may be negative only in a difference (a saving); a footprint itself never is. */
export const gramsCo2e = (v: number): GramsCo2e => finite(v, 'gCO2e') as GramsCo2e;
export const gramsPerKwh = (v: number): GramsCo2ePerKwh => nonNegative(v, 'gCO2e/kWh') as GramsCo2ePerKwh;
export const fraction = (v: number): Fraction => {
  if (finite(v, 'fraction') < 0 || v > 1) {
    throw new FootprintError('invalid_value', `expected a fraction between 0 and 1, got ${v}`);
  }
  return v as Fraction;
};

export const JOULES_PER_KWH = 3_600_000;
export const SECONDS_PER_HOUR = 3_600;
/** 365.25 days: the mean Julian year, so lifetimes in years convert without a leap-year bias. */
export const HOURS_PER_YEAR = 8_766;

export const joulesToKwh = (j: Joules): Kwh => (j / JOULES_PER_KWH) as Kwh;
export const kwhToJoules = (e: Kwh): Joules => (e * JOULES_PER_KWH) as Joules;
export const secondsToHours = (s: Seconds): Hours => (s / SECONDS_PER_HOUR) as Hours;
export const hoursToSeconds = (h: Hours): Seconds => (h * SECONDS_PER_HOUR) as Seconds;
/** Energy drawn at a constant power: W × h / 1000. */
export const energyAt = (power: Watts, duration: Hours): Kwh => ((power * duration) / 1000) as Kwh;
export const yearsToHours = (years: number): Hours => hours(years * HOURS_PER_YEAR);
