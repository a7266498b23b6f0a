/**
 * Ids for runs (`r…`) and entries (`e…`): the creation time in base 36 first, so ids sort by time
 * and a short prefix names a recent run, then random hex so two hosts never collide.
 */
import { randomBytes } from 'node:crypto';

export const newId = (prefix: 'r' | 'e', nowMs: number): string =>
  `${prefix}${nowMs.toString(36)}${randomBytes(3).toString('hex')}`;
