/** @tgwf/co2 ships no type declarations; its data is `unknown` here and validated with zod at load. */
declare module '@tgwf/co2/data' {
  export const averageIntensity: unknown;
  export const electricityMaps: unknown;
}
