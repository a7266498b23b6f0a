/**
 * `npm run bench`: every benchmark the issues name, medians on this machine. Record the output in
 * BENCHMARKS.md with the command that produced it.
 */
import { cpus } from 'node:os';
import { estimateBenchmarks } from './estimate.js';
import { printFigures } from './measure.js';
import { reportBenchmarks } from './report.js';
import { telemetryBenchmarks } from './telemetry.js';

process.stdout.write(
  `footprint benchmarks · node ${process.version} · ${cpus().length} cores · ${cpus()[0]?.model ?? ''}\n`,
);
printFigures('Estimate (issue 2)', estimateBenchmarks());
printFigures('Telemetry (issue 3)', await telemetryBenchmarks());
printFigures('Life cycle (issue 4)', await reportBenchmarks());
