#!/usr/bin/env node
/**
 * The `footprint` command: dispatch to one file per subcommand, and the one place where errors
 * become exit codes: 0 ok, 1 error (one line on stderr, no stack), 2 usage.
 */
import { FootprintError } from '../core/errors.js';
import type { Command, Io } from './command.js';

/** Commands load on demand: `footprint estimate` does not pay for SQLite or the sensors. */
const COMMANDS: readonly { name: string; summary: string; load: () => Promise<Command> }[] = [
  {
    name: 'run',
    summary: 'run a command and measure its energy and carbon',
    load: async () => (await import('./commands/run.js')).runCommand,
  },
  {
    name: 'mark',
    summary: 'record a marker or phase switch on the current run',
    load: async () => (await import('./commands/mark.js')).markCommand,
  },
  {
    name: 'ls',
    summary: 'list recorded runs',
    load: async () => (await import('./commands/ls.js')).lsCommand,
  },
  {
    name: 'show',
    summary: 'one recorded run, priced, with provenance',
    load: async () => (await import('./commands/show.js')).showCommand,
  },
  {
    name: 'agent',
    summary: 'serve this host’s energy and carbon to Prometheus',
    load: async () => (await import('./commands/agent.js')).agentCommand,
  },
  {
    name: 'report',
    summary: 'life-cycle report of a project or model',
    load: async () => (await import('./commands/report.js')).reportCommand,
  },
  {
    name: 'add',
    summary: 'declare a footprint that was not measured',
    load: async () => (await import('./commands/add.js')).addCommand,
  },
  {
    name: 'import',
    summary: 'import CodeCarbon CSVs or Footprint exports',
    load: async () => (await import('./commands/import.js')).importCommand,
  },
  {
    name: 'reprice',
    summary: 'price recorded work under other conditions',
    load: async () => (await import('./commands/reprice.js')).repriceCommand,
  },
  {
    name: 'statement',
    summary: 'carbon impact statement for a paper (md, tex)',
    load: async () => (await import('./commands/statement.js')).statementCommand,
  },
  {
    name: 'card',
    summary: 'Hugging Face model-card co2_eq_emissions metadata',
    load: async () => (await import('./commands/card.js')).cardCommand,
  },
  {
    name: 'export',
    summary: 'export as CodeCarbon CSV, Impact Framework manifest or JSON',
    load: async () => (await import('./commands/export.js')).exportCommand,
  },
  {
    name: 'estimate',
    summary: 'price a job from a YAML/JSON spec',
    load: async () => (await import('./commands/estimate.js')).estimateCommand,
  },
  {
    name: 'data',
    summary: 'reference data: zones, regions, hardware, sources',
    load: async () => (await import('./commands/data.js')).dataCommand,
  },
];

const usage = `Usage: footprint COMMAND [options]

Holistic carbon accounting for machine learning: operational and embodied carbon,
location- and market-based, with uncertainty and provenance on every number.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run footprint COMMAND --help for a command's options.`;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${usage}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('footprint 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  try {
    if (!entry) throw new FootprintError('usage', `unknown command "${name}"; run footprint --help`);
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof FootprintError) {
      io.stderr(`footprint: ${e.message}\n`);
      return e.code === 'usage' ? 2 : 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(
      `footprint: internal error: ${message} (please report it; FOOTPRINT_DEBUG=1 shows the stack)\n`,
    );
    if (io.env.FOOTPRINT_DEBUG) io.stderr(`${e instanceof Error ? e.stack : ''}\n`);
    return 1;
  }
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stderr.isTTY),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

main(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`footprint: internal error: ${String(e)}\n`);
    process.exitCode = 1;
  },
);
