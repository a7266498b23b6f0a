/**
 * `CUDA_VISIBLE_DEVICES`, read the way the CUDA runtime reads it, so that Footprint measures the
 * GPUs the job can use and not every GPU in the machine.
 *
 * CUDA's rules (CUDA C Programming Guide, "CUDA Environment Variables"; CUDA MIG user guide):
 * - unset: every GPU is visible;
 * - an empty string: no GPU is visible;
 * - otherwise a comma-separated list of entries, each a device index (`0`), a GPU UUID or a unique
 *   prefix of one (`GPU-8f0c…`), or a MIG instance UUID (`MIG-…`, driver R470+, or the older
 *   `MIG-GPU-<uuid>/<gpu instance>/<compute instance>`);
 * - the first entry that is not valid (`-1`, `NoDevFiles`, an index past the last GPU, a UUID that
 *   matches no GPU or more than one) ends the list: it and every entry after it are ignored.
 *
 * Indices are read as NVML indices (PCI bus order). CUDA numbers GPUs fastest-first unless
 * `CUDA_DEVICE_ORDER=PCI_BUS_ID`; the two orders agree on machines whose GPUs are all the same
 * model, and `resolveVisibleGpus` says so in a note when they may not.
 *
 * Parsing is separate from resolution: parsing needs only the string, resolution needs the GPUs
 * that NVML (or `nvidia-smi -L`) lists. Both are pure.
 */

export type VisibleEntry =
  | { readonly kind: 'index'; readonly index: number; readonly text: string }
  | { readonly kind: 'gpu-uuid'; readonly prefix: string; readonly text: string }
  | { readonly kind: 'mig-uuid'; readonly uuid: string; readonly text: string }
  /** Pre-R470 MIG naming: the parent GPU's UUID with the GPU and compute instance ids. */
  | {
      readonly kind: 'mig-legacy';
      readonly parentUuid: string;
      readonly gpuInstance: number;
      readonly computeInstance: number;
      readonly text: string;
    };

export type VisibleSelector =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'list';
      readonly entries: readonly VisibleEntry[];
      /** The entry that ended the list early, and why; absent when every entry was read. */
      readonly stoppedAt?: { readonly text: string; readonly reason: string };
    };

/** A GPU as the resolver needs to see it. */
export interface VisibleCandidate {
  readonly index: number;
  readonly uuid: string;
  readonly name?: string;
  /** UUIDs of the MIG instances on this GPU (empty when MIG is off or unknown). */
  readonly migUuids: readonly string[];
}

export interface VisibleGpu {
  readonly index: number;
  readonly uuid: string;
  /** The MIG instances of this GPU that the selector named (empty when it named the whole GPU). */
  readonly viaMig: readonly string[];
}

export interface VisibleResolution {
  readonly gpus: readonly VisibleGpu[];
  /** What a user should know: entries ignored, MIG mapped to its parent, index order caveats. */
  readonly notes: readonly string[];
}

const HEX_UUID = /^[0-9a-f]+(?:-[0-9a-f]+)*-?$/i;

function parseEntry(text: string): VisibleEntry | string {
  if (/^\d+$/.test(text)) return { kind: 'index', index: Number(text), text };
  const legacy = /^MIG-(GPU-[0-9a-f-]+)\/(\d+)\/(\d+)$/i.exec(text);
  if (legacy?.[1] && legacy[2] && legacy[3]) {
    return {
      kind: 'mig-legacy',
      parentUuid: legacy[1],
      gpuInstance: Number(legacy[2]),
      computeInstance: Number(legacy[3]),
      text,
    };
  }
  if (/^MIG-/i.test(text) && HEX_UUID.test(text.slice(4))) return { kind: 'mig-uuid', uuid: text, text };
  if (/^GPU-/i.test(text) && text.length > 4 && HEX_UUID.test(text.slice(4))) {
    return { kind: 'gpu-uuid', prefix: text, text };
  }
  if (text === '') return 'an empty entry';
  return 'not a device index, GPU-<uuid> or MIG-<uuid>';
}

/** Reads the variable's value (`undefined` when unset). */
export function parseCudaVisibleDevices(value: string | undefined): VisibleSelector {
  if (value === undefined) return { kind: 'all' };
  if (value.trim() === '') return { kind: 'list', entries: [] };
  const entries: VisibleEntry[] = [];
  for (const raw of value.split(',')) {
    const text = raw.trim();
    const entry = parseEntry(text);
    if (typeof entry === 'string') return { kind: 'list', entries, stoppedAt: { text, reason: entry } };
    entries.push(entry);
  }
  return { kind: 'list', entries };
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const startsWith = (s: string, prefix: string): boolean => s.toLowerCase().startsWith(prefix.toLowerCase());

/** The GPU an entry names, or why it names none (which ends the list, as in CUDA). */
function match(
  entry: VisibleEntry,
  candidates: readonly VisibleCandidate[],
): { gpu: VisibleCandidate; mig?: string } | string {
  switch (entry.kind) {
    case 'index': {
      const gpu = candidates.find((c) => c.index === entry.index);
      return gpu ? { gpu } : `there is no GPU with index ${entry.index}`;
    }
    case 'gpu-uuid': {
      const found = candidates.filter((c) => startsWith(c.uuid, entry.prefix));
      const [only] = found;
      if (found.length === 1 && only) return { gpu: only };
      return found.length === 0 ? 'no GPU has this UUID' : 'this UUID prefix matches more than one GPU';
    }
    case 'mig-uuid': {
      const gpu = candidates.find((c) => c.migUuids.some((m) => same(m, entry.uuid)));
      return gpu ? { gpu, mig: entry.uuid } : 'no MIG instance has this UUID';
    }
    case 'mig-legacy': {
      const gpu = candidates.find((c) => same(c.uuid, entry.parentUuid));
      return gpu ? { gpu, mig: entry.text } : 'no GPU has the UUID in this MIG name';
    }
  }
}

/**
 * The GPUs a selector makes visible, each once, in the selector's order. A MIG instance resolves to
 * its parent GPU: MIG instances have no energy counter of their own, so the parent is what can be
 * measured.
 */
export function resolveVisibleGpus(
  selector: VisibleSelector,
  candidates: readonly VisibleCandidate[],
  env: { readonly CUDA_DEVICE_ORDER?: string | undefined } = {},
): VisibleResolution {
  if (selector.kind === 'all') {
    return { gpus: candidates.map((c) => ({ index: c.index, uuid: c.uuid, viaMig: [] })), notes: [] };
  }
  const notes: string[] = [];
  const picked = new Map<string, { index: number; uuid: string; viaMig: string[]; whole: boolean }>();
  let stopped = selector.stoppedAt;
  for (const entry of selector.entries) {
    const found = match(entry, candidates);
    if (typeof found === 'string') {
      stopped = { text: entry.text, reason: found };
      break;
    }
    const { gpu, mig } = found;
    const seen = picked.get(gpu.uuid) ?? { index: gpu.index, uuid: gpu.uuid, viaMig: [], whole: false };
    if (mig) seen.viaMig.push(mig);
    else seen.whole = true;
    picked.set(gpu.uuid, seen);
  }
  if (stopped) {
    notes.push(
      `CUDA_VISIBLE_DEVICES entry "${stopped.text}" is not a usable device (${stopped.reason}); ` +
        'like CUDA, Footprint ignores it and every entry after it',
    );
  }
  if (picked.size === 0)
    notes.push('CUDA_VISIBLE_DEVICES makes no GPU visible to the job: no GPU is measured');
  const gpus = [...picked.values()].map((g) => ({
    index: g.index,
    uuid: g.uuid,
    viaMig: g.whole ? [] : g.viaMig,
  }));
  for (const g of gpus) {
    if (g.viaMig.length > 0) {
      notes.push(
        `${g.viaMig.join(', ')} is a MIG instance of GPU ${g.index} (${g.uuid}); MIG instances have no ` +
          'energy counter of their own, so the whole parent GPU is measured',
      );
    }
  }
  const usesIndex = selector.entries.some((e) => e.kind === 'index');
  const models = new Set(candidates.map((c) => c.name ?? ''));
  if (usesIndex && models.size > 1 && env.CUDA_DEVICE_ORDER !== 'PCI_BUS_ID') {
    notes.push(
      'CUDA_VISIBLE_DEVICES uses indices on a machine with different GPU models: CUDA numbers them ' +
        'fastest first, Footprint in PCI bus order; set CUDA_DEVICE_ORDER=PCI_BUS_ID so both agree',
    );
  }
  return { gpus, notes };
}
