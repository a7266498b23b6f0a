/**
 * Runs the ledger writer fixture (test/fixtures/ledger-writer.mjs) as a child process, for the
 * concurrency and kill -9 tests of both backends.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const WRITER = fileURLToPath(new URL('../../../test/fixtures/ledger-writer.mjs', import.meta.url));

export interface Child {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the writer fixture; `onLine` sees each stdout line as it arrives (and may kill the child). */
export function writer(
  args: readonly string[],
  onLine?: (line: string, kill: () => void) => void,
): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine?.(line, () => child.kill('SIGKILL'));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
