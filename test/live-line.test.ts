/**
 * The live status line: drawn on a terminal (a pseudo-terminal from util-linux `script`), pinned to
 * the bottom row with a scrolling region, and absent in a pipe.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, runCli } from './support/cli.js';
import { freshHome } from './support/footprint-home.js';

const ESC = '\u001b';

test('on a terminal the live line shows power, energy, carbon and the sensors; in a pipe it does not', () => {
  const { env } = freshHome();
  const command = `stty rows 24 cols 120; ${process.execPath} ${CLI} run --interval 0.2 -- sleep 1.2`;
  const tty = spawnSync('script', ['-qc', command, '/dev/null'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    input: '',
  });
  assert.equal(tty.status, 0, tty.stderr);
  assert.ok(tty.stdout.includes(`${ESC}[1;23r`), 'rows 1–23 become the scrolling region');
  assert.match(
    tty.stdout,
    /⏱ 00:0\d {2}\d+ W {2}[\d.]+ \w*Wh {2}[\d.]+ \w*g CO2e {2}measured: none · modelled: cpu-model, dram-model/,
  );
  assert.ok(tty.stdout.includes(`${ESC}[r`), 'the region is given back at the end');
  const piped = runCli(['run', '--interval', '0.2', '--', 'sleep', '0.6'], { env });
  assert.equal(piped.code, 0);
  assert.doesNotMatch(piped.stderr, /⏱/);
  assert.match(piped.stderr, /Recorded in .* as r\w+/);
});
