import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/server/errors/error-codes.ts';

/**
 * docs/errors.md is the client authors' list of error codes (DESIGN §4): it must name exactly the codes of
 * the code table, with the same HTTP statuses, and say for each when it happens and what to do.
 */
const DOC = resolve(import.meta.dirname, '..', '..', 'docs', 'errors.md');

interface DocRow {
  code: string;
  status: number;
  cells: string[];
}

/** The table rows whose first cell is a `CODE` in backticks. */
function documentedRows(markdown: string): DocRow[] {
  return markdown
    .split('\n')
    .filter((line) => /^\|\s*`[A-Z][A-Z0-9_]*`\s*\|/.test(line))
    .map((line) => {
      const cells = line
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((cell) => cell.trim());
      return { code: cells[0]!.replace(/`/g, ''), status: Number(cells[1]), cells };
    });
}

describe('docs/errors.md', () => {
  const rows = documentedRows(readFileSync(DOC, 'utf8'));

  it('documents exactly the codes of error-codes.ts, each once, with the same HTTP status', () => {
    const documented = Object.fromEntries(rows.map((r) => [r.code, r.status]));
    const table = Object.fromEntries(Object.entries(errorCodes).map(([code, { status }]) => [code, status]));
    expect(documented).toEqual(table);
    expect(rows.map((r) => r.code)).toHaveLength(new Set(rows.map((r) => r.code)).size);
  });

  it('says for every code what it means, when it happens and what the client should do', () => {
    for (const row of rows) {
      expect(row.cells, row.code).toHaveLength(5);
      for (const cell of row.cells.slice(2)) expect(cell.length, `${row.code}: ${row.cells.join(' | ')}`).toBeGreaterThan(10);
    }
  });
});
