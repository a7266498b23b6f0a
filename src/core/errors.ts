/**
 * The one error type. Codes are a closed set so callers (the CLI, the HTTP API) can map them to exit
 * codes and statuses without parsing messages. Messages say what, where and what to do next.
 */
export const ERROR_CODES = [
  'invalid_value', // a number or enum outside its domain
  'invalid_spec', // a spec or config file that does not validate
  'parse_error', // malformed YAML / JSON / CSV
  'not_found', // an unknown zone, region, hardware model, run id
  'io_error', // a file that cannot be read or written
  'usage', // wrong command-line usage (exit 2)
  'unavailable', // a sensor or backend that cannot be used here
  'internal', // a bug: an invariant that should hold did not
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class FootprintError extends Error {
  override readonly name = 'FootprintError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export const isFootprintError = (e: unknown): e is FootprintError => e instanceof FootprintError;
