/**
 * `footprint agent [--listen HOST:PORT]`: a long-running host exporter. Samples this host's
 * sensors (whole devices, no job attribution) and serves them to Prometheus at /metrics. Listens
 * on loopback unless told otherwise.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveSite } from '../../analysis/resolve-site.js';
import { FootprintError } from '../../core/errors.js';
import { type DeviceMetrics, exposition } from '../../server/prometheus.js';
import { createSampler } from '../../telemetry/sampler.js';
import { numberOption, parse } from '../args.js';
import type { Command, Io } from '../command.js';
import { probeHostSensors } from '../host-sensors.js';
import { siteSpecOf } from '../run-report.js';

const help = `Usage: footprint agent [--listen HOST:PORT] [--interval S] [--zone Z | --region R] [--pue X] [--cfe F] [--json]

Samples this host's energy sensors and serves Prometheus metrics at http://HOST:PORT/metrics:
  footprint_energy_joules_total{device,kind,name,provenance}   counter
  footprint_power_watts{device,kind,name,provenance}           gauge
  footprint_carbon_grams_total{device,kind,name,provenance,basis="location"|"market"}  counter

Options:
  --listen HOST:PORT  where to listen (default 127.0.0.1:9464, loopback only)
  --interval S        sampling interval in seconds (default 1)
  --zone, --region, --pue, --cfe   the site, for the carbon counters (as in footprint run)
  --json              print the listening address as one JSON line
  -h, --help          this text
Stop it with Ctrl-C (SIGINT) or SIGTERM.`;

async function run(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse(
    'agent',
    argv,
    {
      listen: { type: 'string' },
      interval: { type: 'string' },
      zone: { type: 'string' },
      region: { type: 'string' },
      pue: { type: 'string' },
      cfe: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help) {
    io.stdout(`${help}\n`);
    return 0;
  }
  const listen = values.listen ?? '127.0.0.1:9464';
  const match = listen.match(/^(.+):(\d+)$/);
  const port = Number(match?.[2]);
  if (!match || !(port >= 0 && port < 65536))
    throw new FootprintError('usage', `agent: --listen must be HOST:PORT, got ${listen}`);
  const host = (match[1] as string).replace(/^\[(.*)\]$/, '$1');
  const intervalS =
    numberOption(
      'agent',
      '--interval',
      values.interval,
      (n) => n >= 0.05 && n <= 3600,
      'seconds between 0.05 and 3600',
    ) ?? 1;
  const zone = values.zone ?? io.env.FOOTPRINT_ZONE;
  const region = values.region ?? (zone ? undefined : io.env.FOOTPRINT_REGION);
  const site = resolveSite(
    siteSpecOf({
      ...(zone ? { zone } : {}),
      ...(region ? { region } : {}),
      ...(values.pue
        ? { pue: numberOption('agent', '--pue', values.pue, (n) => n >= 1, 'at least 1') as number }
        : {}),
      ...(values.cfe
        ? {
            cfe: numberOption(
              'agent',
              '--cfe',
              values.cfe,
              (n) => n >= 0 && n <= 1,
              'between 0 and 1',
            ) as number,
          }
        : {}),
    }),
    () => {},
    (field) => `agent: ${field.replace('site.', '--')}`,
  );
  const gramsPerJ = (site.pue.mode * site.intensity.mode) / 3.6e6;
  const marketGramsPerJ =
    (site.pue.mode * (1 - site.cfe.mode) * (site.residualIntensity?.mode ?? site.intensity.mode)) / 3.6e6;

  const startMs = Date.now();
  const sensors = await probeHostSensors(io.env, startMs, intervalS * 1000);
  for (const n of sensors.notes) io.stderr(`footprint: ${n}\n`);
  const sampler = createSampler(sensors.sensors, startMs);
  const energy = new Map<string, number>(sampler.devices.map((d) => [d.id, 0]));
  const timer = setInterval(() => {
    for (const s of sampler.tick(Date.now()))
      energy.set(s.deviceId, (energy.get(s.deviceId) ?? 0) + s.energyJ);
  }, intervalS * 1000);

  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      const devices: DeviceMetrics[] = sampler.devices.map((d) => {
        const joules = energy.get(d.id) ?? 0;
        return {
          device: d.id,
          kind: d.kind,
          name: d.name,
          provenance: d.provenance,
          energyJ: joules,
          powerW: sampler.powerW.get(d.id) ?? 0,
          carbonLocationG: joules * gramsPerJ,
          carbonMarketG: joules * marketGramsPerJ,
        };
      });
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
      res.end(exposition(devices));
    } else {
      res.writeHead(req.url === '/' ? 200 : 404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        req.url === '/' ? 'footprint agent: metrics at /metrics\n' : 'not found: metrics are at /metrics\n',
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new FootprintError(
          'io_error',
          `agent: cannot listen on ${listen} (${e.code ?? e.message}); choose another --listen`,
          { cause: e },
        ),
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/metrics`;
  io.stderr(values.json ? '' : `footprint agent: serving ${url}\n`);
  if (values.json)
    io.stdout(`${JSON.stringify({ listening: url, devices: sampler.devices.map((d) => d.id) })}\n`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  clearInterval(timer);
  server.close();
  for (const s of sensors.sensors) s.close();
  return 0;
}

export const agentCommand: Command = {
  name: 'agent',
  summary: 'serve this host’s energy and carbon to Prometheus',
  help,
  run,
};
