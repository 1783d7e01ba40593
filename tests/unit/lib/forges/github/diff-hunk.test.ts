import { describe, expect, it } from 'vitest';
import {
  type DiffLine,
  hunkText,
  MAX_HUNK_LINES,
  MAX_LINE_CHARS,
  ownRows,
  readDiffLines,
} from '@/lib/forges/github/diff-hunk';

/** The rows of a table made of `rows` (DOMParser needs the table around them). */
function rowsOf(rows: string): Element[] {
  const doc = new DOMParser().parseFromString(`<table><tbody>${rows}</tbody></table>`, 'text/html');
  return ownRows(doc.querySelector('table') as Element);
}

/** `count` added lines numbered from 1. */
function added(count: number): DiffLine[] {
  return Array.from({ length: count }, (_, index) => ({
    kind: '+',
    text: `line ${index + 1}`,
    newLine: index + 1,
  }));
}

describe('readDiffLines', () => {
  it('should list the deletions of a split block before its additions, as a unified diff does', () => {
    const cells = (old: number, text: string, next: number, added: string) =>
      `<tr><td class="blob-num" id="dL${old}" data-line-number="${old}"></td><td class="blob-code blob-code-deletion"><span class="blob-code-inner">${text}</span></td>` +
      `<td class="blob-num" id="dR${next}" data-line-number="${next}"></td><td class="blob-code blob-code-addition"><span class="blob-code-inner">${added}</span></td></tr>`;
    const rows = rowsOf(cells(1, 'a', 1, 'A') + cells(2, 'b', 2, 'B'));

    const actual = readDiffLines(rows).map((line) => `${line.kind}${line.text}`);

    expect(actual).toEqual(['-a', '-b', '+A', '+B']);
  });

  it('should skip hunk headers, expanders and rows without code', () => {
    const rows = rowsOf(`
      <tr><td class="blob-num blob-num-hunk">…</td><td class="blob-code blob-code-hunk">@@ -1,1 +1,1 @@</td></tr>
      <tr><td colspan="3"><div class="review-comment">A comment row</div></td></tr>
      <tr class="diff-line-row"><td class="diff-line-number" colspan="2"><button data-direction="down"></button></td><td class="diff-text-cell"></td></tr>
      <tr><td class="blob-num" data-line-number="1"></td><td class="blob-num" data-line-number="1"></td><td class="blob-code"><span class="blob-code-inner">same</span></td></tr>`);

    expect(readDiffLines(rows)).toEqual([{ kind: ' ', text: 'same', oldLine: 1, newLine: 1 }]);
  });

  it('should shorten a huge (minified) line', () => {
    const long = 'x'.repeat(MAX_LINE_CHARS * 3);
    const rows = rowsOf(
      `<tr><td class="blob-num" data-line-number="1"></td><td class="blob-num" data-line-number="1"></td><td class="blob-code"><span class="blob-code-inner">${long}</span></td></tr>`,
    );

    const [actual] = readDiffLines(rows);

    expect(actual?.text).toHaveLength(MAX_LINE_CHARS);
    expect(actual?.text.endsWith('…')).toBe(true);
  });
});

describe('hunkText', () => {
  it('should keep the end of a range longer than the limit', () => {
    const lines = added(MAX_HUNK_LINES + 10);

    const actual = hunkText(lines, { start: 1, startSide: 'R', end: MAX_HUNK_LINES + 10, side: 'R' }).split(
      '\n',
    );

    expect(actual[0]).toBe(`@@ -0,0 +11,${MAX_HUNK_LINES} @@`);
    expect(actual.at(-1)).toBe(`+line ${MAX_HUNK_LINES + 10}`);
    expect(actual).toHaveLength(MAX_HUNK_LINES + 1);
  });

  it('should end at the range, not at the last line shown', () => {
    const actual = hunkText(added(10), { start: 5, startSide: 'R', end: 6, side: 'R' });

    expect(actual).toBe('@@ -0,0 +2,5 @@\n+line 2\n+line 3\n+line 4\n+line 5\n+line 6');
  });

  it('should end at the last line when the range is not among the lines shown', () => {
    const actual = hunkText(added(10), { start: 40, startSide: 'L', end: 40, side: 'L' });

    expect(actual).toBe('@@ -0,0 +7,4 @@\n+line 7\n+line 8\n+line 9\n+line 10');
  });

  it('should give nothing for no lines', () => {
    expect(hunkText([], null)).toBe('');
  });
});
