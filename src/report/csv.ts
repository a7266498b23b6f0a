/**
 * Comma-separated values as RFC 4180 writes them: fields split by commas, a field in double quotes
 * may hold commas, line breaks and doubled quotes (`""`). Each record keeps the 1-based line it
 * starts on, so an error can point at the line a person sees in their editor. Blank lines are
 * skipped (pandas, which writes CodeCarbon's files, does the same when it reads them).
 */
import { FootprintError } from '../core/errors.js';

export interface CsvRecord {
  /** 1-based line the record starts on. */
  readonly line: number;
  readonly fields: readonly string[];
}

/** Splits `text` into records; an unterminated quote is a `parse_error` naming `file` and the line. */
export function readCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteOpenedAt = 0;
  let fieldWasQuoted = false;
  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldWasQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '' && !fieldWasQuoted) {
      quoted = true;
      fieldWasQuoted = true;
      quoteOpenedAt = line;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (fieldWasQuoted) {
      throw new FootprintError(
        'parse_error',
        `${file}:${line}: unexpected text after a closing quote; a quote inside a quoted field is written ""`,
      );
    } else {
      field += c;
    }
  }
  if (quoted) {
    throw new FootprintError(
      'parse_error',
      `${file}:${quoteOpenedAt}: a quoted field is never closed (missing ")`,
    );
  }
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}

/** One field, quoted when it holds a comma, a quote or a line break (RFC 4180 §2.6–2.7). */
export const csvField = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

export const csvLine = (values: readonly string[]): string => values.map(csvField).join(',');
