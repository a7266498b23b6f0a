import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { isFootprintError } from '../core/errors.js';
import { csvLine, readCsv } from './csv.js';

test('quoted fields keep commas, doubled quotes and line breaks; records keep their first line', () => {
  const text = 'a,b,c\n1,"x, y","say ""hi"""\n\n2,"two\nlines",z\r\n3,,\n';
  const records = readCsv(text, 'f.csv');
  assert.deepEqual(
    records.map((r) => [r.line, r.fields]),
    [
      [1, ['a', 'b', 'c']],
      [2, ['1', 'x, y', 'say "hi"']],
      [4, ['2', 'two\nlines', 'z']],
      [6, ['3', '', '']],
    ],
  );
});

test('a file without a final line break and a byte-order mark read the same', () => {
  assert.deepEqual(readCsv('\uFEFFa,b\n1,2', 'f.csv'), [
    { line: 1, fields: ['a', 'b'] },
    { line: 2, fields: ['1', '2'] },
  ]);
});

test('an unterminated quote names the line it opened on', () => {
  assert.throws(
    () => readCsv('a,b\n1,2\n3,"open\nstill open\n', 'f.csv'),
    (e) => isFootprintError(e) && e.code === 'parse_error' && e.message.startsWith('f.csv:3:'),
  );
});

test('text after a closing quote is an error, not silently glued on', () => {
  assert.throws(() => readCsv('a\n"x"y\n', 'f.csv'), /f\.csv:2: unexpected text after a closing quote/);
});

test('csvLine and readCsv round-trip any fields (property)', () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
      (rows) => {
        const width = rows[0]?.length ?? 2;
        const table = rows.map((r) => [...r, ...Array(width).fill('')].slice(0, width));
        // A record of one empty field is a blank line, which the reader skips by design.
        const kept = table.filter((r) => !(r.length === 1 && r[0] === ''));
        const text = `${kept.map(csvLine).join('\n')}\n`;
        assert.deepEqual(
          readCsv(text, 'p.csv').map((r) => r.fields),
          kept,
        );
      },
    ),
  );
});
