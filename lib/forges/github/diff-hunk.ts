/*
 * Diff rows as GitHub renders them, read back into unified-diff lines. One reader serves the React Files view
 * (`tr.diff-line-row`, `td.diff-text-cell`), the timeline's mini diff and the legacy Files tab (`td.blob-num`,
 * `td.blob-code`), in unified and split layout. Evidence: tests/fixtures/github/*-threads.html.
 */

import type { DiffSide, LineRange } from '@/lib/forges/page-data';

export type DiffLine = { kind: '+' | '-' | ' '; text: string; oldLine?: number; newLine?: number };

/** Lines of context kept above the commented range. */
export const CONTEXT_LINES = 3;
/** At most this many lines per hunk: a long range keeps its end, where the comment points. */
export const MAX_HUNK_LINES = 30;
/** Minified code can make one line huge. */
export const MAX_LINE_CHARS = 400;

const NUMBER_CELL = 'td.blob-num, td.new-diff-line-number, td.diff-line-number, td[data-line-number]';
const CODE_CELL = 'td.blob-code, td.diff-text-cell';
/** Hunk headers and expanders: a hunk starts after them. */
const HUNK_ROW =
  '.blob-code-hunk, .blob-num-hunk, .blob-num-expandable, .diff-text-cell.hunk, button[data-direction]';

type Cell = { side?: DiffSide; line?: number };
type Code = { side?: DiffSide; kind: DiffLine['kind']; text: string };

function cellsOf(row: Element, selector: string): Element[] {
  return [...row.children].filter((cell) => cell.localName === 'td' && cell.matches(selector));
}

/** `data-diff-side`, else the `L12`/`R12` suffix of a legacy id, else the cell's place in a two-sided row. */
function sideOf(cell: Element, index: number, count: number): DiffSide | undefined {
  const attribute = cell.getAttribute('data-diff-side');
  if (attribute === 'left' || attribute === 'right') return attribute === 'left' ? 'L' : 'R';
  const fromId = /([LR])\d+$/.exec(cell.id)?.[1];
  if (fromId === 'L' || fromId === 'R') return fromId;
  return count === 2 ? (index === 0 ? 'L' : 'R') : undefined;
}

function kindOf(cell: Element): DiffLine['kind'] {
  const marker =
    cell.querySelector('.diff-text-marker')?.textContent?.trim() ||
    cell.querySelector('[data-code-marker]')?.getAttribute('data-code-marker')?.trim();
  if (marker === '+' || marker === '-') return marker;
  if (cell.matches('.blob-code-addition') || cell.querySelector('.addition')) return '+';
  if (cell.matches('.blob-code-deletion') || cell.querySelector('.deletion')) return '-';
  return ' ';
}

function textOf(cell: Element): string {
  // `textContent`, not `innerText`: syntax spans split the text, and off-screen diffs have no layout
  const text = (cell.querySelector('.diff-text-inner, .blob-code-inner') ?? cell).textContent ?? '';
  const line = text.replace(/\r?\n$/, '');
  return line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line;
}

function numberFor(numbers: Cell[], side: DiffSide): number | undefined {
  return numbers.find((cell) => cell.side === side)?.line;
}

/** The lines one row shows: one in unified layout, one or two (old | new) in split layout. */
function rowLines(row: Element): DiffLine[] {
  const numberCells = cellsOf(row, NUMBER_CELL);
  const numbers: Cell[] = numberCells.map((cell, index) => {
    const value = Number(cell.getAttribute('data-line-number'));
    const side = sideOf(cell, index, numberCells.length);
    return { ...(side && { side }), ...(value > 0 && { line: value }) };
  });
  const codeCells = cellsOf(row, CODE_CELL);
  const codes: Code[] = codeCells.map((cell, index) => ({
    side: codeCells.length === 2 ? sideOf(cell, index, 2) : undefined,
    kind: kindOf(cell),
    text: textOf(cell),
  }));
  const oldLine = numberFor(numbers, 'L');
  const newLine = numberFor(numbers, 'R');
  const [only] = codes;
  if (codes.length === 1 && only) {
    if (only.kind === '-') return oldLine ? [{ kind: '-', text: only.text, oldLine }] : [];
    if (only.kind === '+') return newLine ? [{ kind: '+', text: only.text, newLine }] : [];
    return [{ kind: ' ', text: only.text, ...(oldLine && { oldLine }), ...(newLine && { newLine }) }];
  }
  const left = codes.find((code) => code.side === 'L');
  const right = codes.find((code) => code.side === 'R');
  const lines: DiffLine[] = [];
  if (left?.kind === '-' && oldLine) lines.push({ kind: '-', text: left.text, oldLine });
  if (right?.kind === '+' && newLine) lines.push({ kind: '+', text: right.text, newLine });
  if (lines.length === 0 && (oldLine || newLine)) {
    const text = (right ?? left)?.text ?? '';
    lines.push({ kind: ' ', text, ...(oldLine && { oldLine }), ...(newLine && { newLine }) });
  }
  return lines;
}

/** Whether `row` is a hunk header or an expander (the rows before it belong to another hunk). */
export function isHunkBoundary(row: Element): boolean {
  return row.querySelector(HUNK_ROW) !== null || row.matches(HUNK_ROW);
}

/** Split rows pair a deletion with an addition; a unified diff lists a block's deletions first. */
function deletionsFirst(lines: DiffLine[]): DiffLine[] {
  const result: DiffLine[] = [];
  let added: DiffLine[] = [];
  for (const line of lines) {
    if (line.kind === '+') {
      added.push(line);
      continue;
    }
    if (line.kind === ' ') {
      result.push(...added);
      added = [];
    }
    result.push(line);
  }
  return [...result, ...added];
}

/** The unified-diff lines of `rows` (hunk headers, expanders and comment rows give none). */
export function readDiffLines(rows: readonly Element[]): DiffLine[] {
  return deletionsFirst(rows.filter((row) => !isHunkBoundary(row)).flatMap(rowLines));
}

/** The rows of `table` itself (not those of suggestion tables nested in its comments). */
export function ownRows(table: Element): Element[] {
  return [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table);
}

/** The rows of the hunk above `row`, from the hunk header (excluded) down to `row` (excluded). */
export function rowsAbove(row: Element): Element[] {
  const rows: Element[] = [];
  for (let previous = row.previousElementSibling; previous; previous = previous.previousElementSibling) {
    if (isHunkBoundary(previous)) break;
    rows.unshift(previous);
  }
  return rows;
}

/** Whether `line` is line `number` of `side`. */
export function isLine(line: DiffLine, side: DiffSide, number: number): boolean {
  return side === 'L'
    ? line.kind !== '+' && line.oldLine === number
    : line.kind !== '-' && line.newLine === number;
}

/** `@@ -a,b +c,d @@` for exactly the lines shown. */
function header(lines: readonly DiffLine[]): string {
  const old = lines.filter((line) => line.kind !== '+');
  const next = lines.filter((line) => line.kind !== '-');
  const oldStart = old.find((line) => line.oldLine)?.oldLine ?? 0;
  const newStart = next.find((line) => line.newLine)?.newLine ?? 0;
  return `@@ -${oldStart},${old.length} +${newStart},${next.length} @@`;
}

/**
 * The hunk a review thread points at, as unified-diff text: up to the range's end line, with
 * `CONTEXT_LINES` above its start, at most `MAX_HUNK_LINES`, under a header for exactly those lines.
 * '' when there are no lines. Without a range (or when its lines aren't shown), the hunk ends at the last line.
 */
export function hunkText(lines: readonly DiffLine[], range: LineRange | null): string {
  if (lines.length === 0) return '';
  const foundEnd = range ? lines.findLastIndex((line) => isLine(line, range.side, range.end)) : -1;
  const end = foundEnd >= 0 ? foundEnd : lines.length - 1;
  const foundStart = range ? lines.findIndex((line) => isLine(line, range.startSide, range.start)) : -1;
  const start = foundStart >= 0 && foundStart <= end ? foundStart : end;
  const from = Math.max(0, start - CONTEXT_LINES, end + 1 - MAX_HUNK_LINES);
  const shown = lines.slice(from, end + 1);
  return [header(shown), ...shown.map((line) => `${line.kind}${line.text}`)].join('\n');
}
