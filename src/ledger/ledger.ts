/**
 * The ledger: where measured runs are kept, behind one async interface so that the embedded SQLite
 * file (the default) and a team's PostgreSQL server (later) are interchangeable, and one contract
 * test suite (`ledger-contract.test-util.ts`) holds every backend to the same behaviour.
 * Plain record types only: no SQL, no driver types, nothing a backend would have to fake.
 */
import type { Entry } from '../core/entry.js';
import type { Phase } from '../core/job.js';
import type { DeviceInfo, EnergySample, Marker, RunStatus } from '../core/measurement.js';

/** Where a run ran, as the user gave it (`--zone`, `--region`, `--pue`, `--cfe`); priced later. */
export interface RunSite {
  /** Electricity Maps zone id or ISO country code: `FR`, `US-CAL-CISO`. */
  readonly zone?: string;
  /** Cloud region: `gcp:us-central1`. */
  readonly region?: string;
  /** Power usage effectiveness, ≥ 1. */
  readonly pue?: number;
  /** Share of energy matched by carbon-free-energy contracts, [0, 1]. */
  readonly cfe?: number;
}

/** What `createRun` needs; the ledger adds `status: 'running'`. */
export interface NewRun {
  /** Made by the caller, unique, time-ordered (`r_…`) so that prefixes and sorting make sense. */
  readonly id: string;
  /** argv of the wrapped command. */
  readonly command: readonly string[];
  readonly cwd: string;
  readonly host: string;
  /** PID of the `footprint run` wrapper on `host`: how a dead wrapper is told from a live one. */
  readonly wrapperPid: number;
  readonly startMs: number;
  readonly phase: Phase;
  /** Default `'default'`. */
  readonly project?: string;
  /** The ML model the run belongs to, for life-cycle roll-ups. */
  readonly model?: string;
  /** Default `{}`. */
  readonly tags?: Readonly<Record<string, string>>;
  /** The sampler's interval, seconds. */
  readonly intervalS: number;
  readonly site?: RunSite;
}

export interface RunRecord {
  readonly id: string;
  readonly command: readonly string[];
  readonly cwd: string;
  readonly host: string;
  readonly wrapperPid: number;
  readonly startMs: number;
  /** Absent while running. */
  readonly endMs?: number;
  /** Latest sign of life: the newest heartbeat or sample end, else `startMs`. */
  readonly lastSeenMs: number;
  readonly phase: Phase;
  readonly project: string;
  readonly model?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly intervalS: number;
  readonly site?: RunSite;
  readonly status: RunStatus;
  readonly exitCode?: number;
  /** The signal that ended the wrapped command: `SIGTERM`. */
  readonly signal?: string;
}

/** A run with its energy totals, summed by the backend. */
export interface RunSummary extends RunRecord {
  /** Whole-device energy over all samples, J. */
  readonly energyJ: number;
  /** The job's attributed share, J. */
  readonly attributedJ: number;
  readonly sampleCount: number;
}

/** Per-device totals of one run, summed by the backend. */
export interface DeviceEnergy {
  readonly deviceId: string;
  readonly energyJ: number;
  readonly attributedJ: number;
  readonly sampleCount: number;
  /** Earliest sample start and latest sample end, ms (absent when the device has no samples). */
  readonly firstMs?: number;
  readonly lastMs?: number;
}

export interface RunEnd {
  readonly endMs: number;
  readonly status: Exclude<RunStatus, 'running'>;
  readonly exitCode?: number;
  readonly signal?: string;
}

export interface RunQuery {
  readonly project?: string;
  readonly model?: string;
  readonly status?: RunStatus;
  /** Runs that started at or after this time, epoch ms. */
  readonly sinceMs?: number;
  /** Runs that started before this time, epoch ms: `[sinceMs, untilMs)`. */
  readonly untilMs?: number;
  /** Newest first; all when absent. */
  readonly limit?: number;
}

/** Everything a report needs of one run, without its samples: see `Ledger.runTotals`. */
export interface RunTotals {
  readonly run: RunSummary;
  /** In the order they were first added. */
  readonly devices: DeviceInfo[];
  /** Per-device totals, in device order; devices without samples have zero totals. */
  readonly energy: DeviceEnergy[];
  /** The run's phase switches (markers with a `phase`), ordered by time. */
  readonly phaseMarkers: Marker[];
}

export interface EntryQuery {
  readonly project?: string;
  readonly model?: string;
  /** Entries whose work started at or after this time, epoch ms. */
  readonly sinceMs?: number;
  /** Entries whose work started before this time, epoch ms: `[sinceMs, untilMs)`. */
  readonly untilMs?: number;
}

export interface AddedEntries {
  readonly added: number;
  /** Entries whose `importKey` the ledger already had (or an earlier entry of the same batch had). */
  readonly skipped: number;
}

/** `isAlive(host, pid)`: whether the wrapper process still exists (asked for this host's runs only). */
export type IsAlive = (host: string, pid: number) => boolean;

export interface Ledger {
  /** Records a new run as `running`. A duplicate id is `invalid_value`. */
  createRun(run: NewRun): Promise<void>;
  /** A run's device inventory; idempotent per device id (the latest description wins). */
  addDevices(runId: string, devices: readonly DeviceInfo[]): Promise<void>;
  /**
   * Appends a batch in one transaction: all of it or none of it. Every sample's device must have
   * been added first (`not_found` otherwise); non-finite or negative values are `invalid_value`.
   * Counts as a sign of life, and revives a run that was wrongly marked `interrupted`.
   */
  appendSamples(runId: string, samples: readonly EnergySample[]): Promise<void>;
  addMarker(runId: string, marker: Marker): Promise<void>;
  /** The wrapper is alive at `nowMs`; revives a run that was wrongly marked `interrupted`. */
  heartbeat(runId: string, nowMs: number): Promise<void>;
  finishRun(runId: string, end: RunEnd): Promise<void>;
  /**
   * By full id, unique id prefix, or `'last'` (newest start). An exact id wins over a prefix;
   * an ambiguous prefix is `not_found` with the candidates listed; no match is `undefined`.
   */
  getRun(ref: string): Promise<RunSummary | undefined>;
  /** Newest first. */
  listRuns(query?: RunQuery): Promise<RunSummary[]>;
  /**
   * The runs `listRuns(query)` returns, in its order, each with its devices, per-device totals and
   * phase markers: what a report over many runs needs, read in a few set-based queries from one
   * snapshot (not a query per run). Run totals are the sums of the per-device totals.
   */
  runTotals(query?: RunQuery): Promise<RunTotals[]>;
  /** Ordered by start time. */
  samples(runId: string): Promise<EnergySample[]>;
  /** Ordered by time. */
  markers(runId: string): Promise<Marker[]>;
  /** In the order they were first added. */
  devices(runId: string): Promise<DeviceInfo[]>;
  /** Per-device totals, in device order; devices without samples have zero totals. */
  energyByDevice(runId: string): Promise<DeviceEnergy[]>;
  /**
   * Marks `running` runs whose wrapper is gone as `interrupted`, keeping all their data, with
   * `endMs` = their last sign of life. Gone means: on `host`, `!isAlive(host, pid)`, or no sign of
   * life for `staleMs` (a hung wrapper or a reused pid); on other hosts, no sign of life for
   * `staleMs`. Returns the ids it marked.
   */
  reapInterrupted(isAlive: IsAlive, host: string, nowMs: number, staleMs: number): Promise<string[]>;
  /**
   * Stores declared or imported entries in one transaction: all of them or none. An entry whose
   * `importKey` the ledger already has is skipped, not refused (so importing a file twice adds
   * nothing); within one batch the first entry with a key wins. An invalid entry or an id the
   * ledger already has is `invalid_value`, and nothing of the batch is stored.
   */
  addEntries(entries: readonly Entry[]): Promise<AddedEntries>;
  /** Ordered by `atMs` (then by when they were added). */
  listEntries(query?: EntryQuery): Promise<Entry[]>;
  close(): Promise<void>;
}
