/**
 * RFC 4180 fields: quoted only when they hold a comma, a double quote, CR or LF, with quotes doubled; records
 * end with CRLF. Text stays UTF-8 as it is (Arabic script passes through unchanged).
 */
const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

export function formatCsvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

export function formatCsvRow(values: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + formatCsvField(values[i]!);
  return `${line}\r\n`;
}
