/**
 * Notes a sensor keeps for the user: what it chose at probe time (a MIG parent measured, entries of
 * CUDA_VISIBLE_DEVICES ignored) and what went wrong while it ran (a failed read, a tool that
 * exited). Each distinct note is kept once, so a problem seen at every read is reported once.
 */
import type { Sensor } from './sensor.js';

export interface SensorWithNotes extends Sensor {
  /** Grows while the sensor runs; each distinct note appears once. */
  readonly notes: readonly string[];
}

/** A notes list and the function that adds to it once per distinct text. */
export function noteList(): { readonly notes: string[]; readonly note: (text: string) => void } {
  const notes: string[] = [];
  return {
    notes,
    note: (text) => {
      if (!notes.includes(text)) notes.push(text);
    },
  };
}
