import { describe, expect, it } from 'vitest';
import { renderedText } from '@/lib/forges/github/text';

/** Renders markdown HTML the way GitHub puts it in `.markdown-body`. */
function render(html: string): string {
  const doc = new DOMParser().parseFromString(`<div class="markdown-body">${html}</div>`, 'text/html');
  return renderedText(doc.querySelector('.markdown-body') as Element);
}

describe('renderedText', () => {
  it.each<[string, string, string]>([
    ['collapse whitespace inside a paragraph', '<p>one\n   two\tthree</p>', 'one two three'],
    ['separate paragraphs with one blank line', '<p>a</p>\n\n<p>b</p><div><p>c</p></div>', 'a\n\nb\n\nc'],
    ['keep line breaks', '<p>a<br>b</p>', 'a\nb'],
    ['number ordered lists', '<ol><li>a</li><li>b</li></ol>', '1. a\n2. b'],
    [
      'mark task lists',
      '<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> todo</li></ul>',
      '- [x] done\n- [ ] todo',
    ],
    ['backtick inline code', '<p>run <code>npm test</code></p>', 'run `npm test`'],
    [
      'fence pre blocks verbatim',
      '<pre><code>if (a) {\n  b();\n}</code></pre>',
      '```\nif (a) {\n  b();\n}\n```',
    ],
    ['prefix headings', '<h2>Title</h2><p>text</p>', '## Title\n\ntext'],
    [
      'render tables as rows',
      '<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>',
      '| a | b |\n| 1 | 2 |',
    ],
    [
      'show image alt text',
      '<p><img alt="screenshot" src="x.png"> and <img src="y.png"></p>',
      '[image: screenshot] and [image]',
    ],
    [
      'skip copy buttons, icons and hidden text',
      '<p>a<svg><text>icon</text></svg><clipboard-copy>Copy</clipboard-copy><span hidden>x</span><span aria-hidden="true">y</span>b</p>',
      'ab',
    ],
    ['return an empty string for an empty body', '  ', ''],
  ])('should %s', (_, html, expected) => {
    const actual = render(html);

    expect(actual).toBe(expected);
  });
});
