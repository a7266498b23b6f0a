/**
 * `footprint card [--model M] [--write README.md]`: the Hugging Face model-card metadata
 * `co2_eq_emissions` for a model, printed, or written into the YAML front matter of an existing
 * README without touching anything else in it.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { FootprintError } from '../../core/errors.js';
import { co2Block, writeCardFrontMatter } from '../../report/model-card.js';
import { parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { FILTER_HELP, FILTER_OPTIONS, filtersOf } from '../filters.js';
import { loadReport } from '../load-report.js';

const help = `Usage: footprint card [--model M] [--write README.md] [--training-type TYPE]

The model-card metadata Hugging Face reads (co2_eq_emissions: emissions in grams, source,
training_type, geographical_location, hardware_used) for a model's training, printed as YAML,
or written into README.md's front matter with every other byte of the file left as it was.

Options:
${FILTER_HELP}
  --write FILE          insert or update the block in FILE's YAML front matter
  --training-type TYPE  e.g. pre-training, fine-tuning (default from the recorded runs)
  --json                the block as JSON`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    'card',
    argv,
    {
      ...FILTER_OPTIONS,
      write: { type: 'string' },
      'training-type': { type: 'string' },
      ledger: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const { report } = await loadReport(io, 'card', values.ledger, filtersOf('card', values), {
    requireItems: true,
  });
  const block = co2Block(report, {
    ...(values['training-type'] ? { trainingType: values['training-type'] } : {}),
  });
  if (values.write) {
    const path = resolve(io.cwd, values.write);
    const before = await readFile(path, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new FootprintError(
        'io_error',
        `card: cannot read ${values.write} (${e.code ?? e.message}); create the README first`,
      );
    });
    const after = writeCardFrontMatter(before, block);
    // Write beside and rename: the README is never left half-written.
    await writeFile(`${path}.footprint-tmp`, after);
    await rename(`${path}.footprint-tmp`, path);
    io.stderr(`footprint: co2_eq_emissions written to ${values.write}\n`);
  } else {
    io.stdout(values.json ? `${JSON.stringify(block, null, 2)}\n` : stringify(block));
  }
  return 0;
}

export const cardCommand: Command = {
  name: 'card',
  summary: 'Hugging Face model-card co2_eq_emissions metadata',
  help,
  run,
};
