/**
 * A live status line pinned to the terminal's bottom row while a wrapped command writes to the
 * same terminal. The rows above become a scrolling region (DECSTBM, as apt's progress bar does),
 * so the command's own output scrolls above the line instead of running into it. Used only when
 * stderr is a TTY; pipes get nothing.
 */
import type { WriteStream } from 'node:tty';

const SAVE = '\x1b7';
const RESTORE = '\x1b8';

export interface StatusLine {
  update(text: string): void;
  /** Gives the row back to the command and clears it. */
  close(): void;
}

export function pinnedStatusLine(stream: WriteStream): StatusLine {
  let rows = stream.rows;
  const reserve = () => {
    rows = stream.rows;
    // A new line first, so reserving the last row never hides what is on it.
    stream.write(`\n${SAVE}\x1b[1;${rows - 1}r${RESTORE}\x1b[1A`);
  };
  let last = '';
  const draw = () => {
    const text =
      last.length > stream.columns - 1 ? `${last.slice(0, Math.max(0, stream.columns - 2))}…` : last;
    stream.write(`${SAVE}\x1b[${rows};1H\x1b[2K${text}${RESTORE}`);
  };
  const onResize = () => {
    reserve();
    draw();
  };
  reserve();
  stream.on('resize', onResize);
  return {
    update(text: string) {
      last = text;
      draw();
    },
    close() {
      stream.off('resize', onResize);
      stream.write(`${SAVE}\x1b[r\x1b[${rows};1H\x1b[2K${RESTORE}`);
    },
  };
}
