/** Chrome around rendered markdown that carries no content (copy buttons, icons, tooltips). */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg', 'button', 'clipboard-copy']);
/** Blocks that read as separate paragraphs. */
const PARAGRAPHS = new Set(['p', 'blockquote', 'ul', 'ol', 'table', 'hr', 'details', 'pre']);
/** Blocks that start a new line. */
const LINES = new Set(['div', 'section', 'article', 'li', 'tr', 'dl', 'dt', 'dd', 'summary', 'figure']);

// Private-use characters (absent from pages) mark breaks and set-aside `pre` blocks until the text is
// normalised. Adjacent breaks merge into the largest one, as in `innerText`, instead of adding up.
const LINE = '\uE001';
const PARAGRAPH = '\uE002';
const BREAKS = /[ \uE001\uE002]*[\uE001\uE002][\s\uE001\uE002]*/g;
const PRE = /\uE000(\d+)\uE000/g;

/** `pre` blocks set aside while the rest of the text is normalised. */
type State = { pre: string[] };

function isSkipped(element: Element): boolean {
  const hidden = element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true';
  return hidden || SKIPPED.has(element.localName);
}

function listMarker(item: Element): string {
  const list = item.parentElement;
  if (list?.localName !== 'ol') return '- ';
  return `${[...list.children].filter((child) => child.localName === 'li').indexOf(item) + 1}. `;
}

function renderChildren(element: Element, state: State): string {
  return [...element.childNodes].map((child) => renderNode(child, state)).join('');
}

function renderInline(element: Element, state: State): string {
  const tag = element.localName;
  if (tag === 'br') return '\n';
  if (tag === 'img') return `[image${element.getAttribute('alt') ? `: ${element.getAttribute('alt')}` : ''}]`;
  if (tag === 'input' && element.getAttribute('type') === 'checkbox') {
    return element.hasAttribute('checked') ? '[x] ' : '[ ] ';
  }
  if (tag === 'pre') {
    state.pre.push((element.textContent ?? '').replace(/\n+$/, ''));
    return `\uE000${state.pre.length - 1}\uE000`;
  }
  const inner = renderChildren(element, state);
  if (tag === 'code') return `\`${inner}\``;
  if (tag === 'td' || tag === 'th') return ` ${inner.trim()} |`;
  if (tag === 'tr') return `|${inner}`;
  if (tag === 'li') return `${listMarker(element)}${inner}`;
  return /^h[1-6]$/.test(tag) ? `${'#'.repeat(Number(tag[1]))} ${inner}` : inner;
}

function renderNode(node: Node, state: State): string {
  // HTML collapses whitespace in text; line breaks come from the elements around it
  if (node.nodeType === 3) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== 1) return '';
  const element = node as Element;
  if (isSkipped(element)) return '';
  const text = renderInline(element, state);
  const tag = element.localName;
  const isParagraph = PARAGRAPHS.has(tag) || /^h[1-6]$/.test(tag);
  const mark = isParagraph ? PARAGRAPH : LINES.has(tag) ? LINE : '';
  return `${mark}${text}${mark}`;
}

/**
 * Readable text of rendered markdown (an issue or PR body): paragraphs and list items on their own lines,
 * `code` in backticks, `pre` blocks fenced and kept verbatim, whitespace elsewhere normalised. Works on any
 * document (live page or `DOMParser`), unlike `innerText`, which needs layout.
 */
export function renderedText(root: Element): string {
  const state: State = { pre: [] };
  // Only the children: the root's own tag doesn't count (GitHub puts PR bodies in a `td`)
  return renderChildren(root, state)
    .replace(BREAKS, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .replace(PRE, (_, index: string) => `\`\`\`\n${state.pre[Number(index)]}\n\`\`\``);
}
