/**
 * What every `footprint` subcommand provides. Commands write through `io` so that tests and the
 * HTTP server can run them without a terminal; the process-level wiring lives in main.ts only.
 */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readStdin: () => Promise<string>;
  readonly isTTY: boolean;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Full --help text. */
  readonly help: string;
  /** Returns the exit code. Errors are thrown as FootprintError and mapped by main. */
  readonly run: (argv: readonly string[], io: Io) => Promise<number>;
}
