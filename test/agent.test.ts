/** `footprint agent` end to end: it serves Prometheus metrics on loopback and stops on SIGTERM. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { CLI } from './support/cli.js';
import { freshHome } from './support/footprint-home.js';

test('agent serves counters and gauges that grow, on 127.0.0.1, and exits 0 on SIGTERM', async () => {
  const { env } = freshHome();
  const agent = spawn(
    process.execPath,
    [CLI, 'agent', '--listen', '127.0.0.1:0', '--interval', '0.1', '--json', '--zone', 'FR'],
    {
      env: { ...process.env, ...env },
    },
  );
  try {
    const line = await new Promise<string>((resolve, reject) => {
      agent.stdout.once('data', (d: Buffer) => resolve(d.toString()));
      agent.once('exit', (c) => reject(new Error(`agent exited ${c}`)));
    });
    const { listening } = JSON.parse(line) as { listening: string };
    assert.match(listening, /^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    await new Promise((r) => setTimeout(r, 500));
    const first = await (await fetch(listening)).text();
    await new Promise((r) => setTimeout(r, 500));
    const second = await fetch(listening);
    assert.match(second.headers.get('content-type') ?? '', /text\/plain; version=0\.0\.4/);
    const text = await second.text();
    const energy = (t: string) =>
      Number(t.match(/^footprint_energy_joules_total\{device="model:cpu"[^}]*\} ([\d.e+-]+)$/m)?.[1]);
    assert.ok(energy(first) > 0 && energy(text) > energy(first), `${energy(first)} → ${energy(text)}`);
    assert.match(text, /^footprint_power_watts\{device="model:cpu"/m);
    assert.match(text, /^footprint_carbon_grams_total\{.*basis="location"\} /m);
    assert.equal((await fetch(listening.replace('/metrics', '/nope'))).status, 404);
  } finally {
    agent.kill('SIGTERM');
  }
  assert.equal(await new Promise((r) => agent.once('exit', r)), 0);
});
