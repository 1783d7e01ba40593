/**
 * Each Octicon module of @primer/octicons-react carries its drawing at 16 px and at 24 px, and draws whichever
 * is nearer the size asked for. The popup asks for 12–16 px everywhere but for a few large icons: this build
 * step keeps only the drawing each icon is used at, which halves the icons' weight in the popup and draws
 * exactly what it drew before (nearest-size choice with one size left is that size).
 */

/** The icons drawn at 24 px (components/popup: EmptyState, SetupNotice); any other icon is drawn at ≤ 16 px. */
export const LARGE_OCTICONS: ReadonlySet<string> = new Set(['CommentDiscussionIcon', 'KeyIcon']);

const ICON_MODULE = /@primer\/octicons-react\/dist\/icons\/(\w+)\.mjs$/;

/** An icon module's code with only the drawing at `keep` px; null when it is not in the expected shape. */
export function keepOneSize(code: string, keep: '16' | '24'): string | null {
  const drop = keep === '16' ? '24' : '16';
  const heights = /var heights = \[[^\]]*\];/;
  // An entry runs from its key to the first line that is a lone closing brace at its depth
  const entry = new RegExp(`\\t"${drop}": \\{\\n[\\s\\S]*?\\n\\t\\},?`);
  if (!heights.test(code) || !entry.test(code) || !code.includes(`\t"${keep}": {`)) return null;
  return code.replace(heights, `var heights = ["${keep}"];`).replace(entry, '');
}

/** The Vite plugin: applies `keepOneSize` to every Octicon module the build reaches. */
export function octiconSizes() {
  return {
    name: 'octicon-sizes',
    transform(code: string, id: string) {
      const name = ICON_MODULE.exec(id)?.[1];
      if (!name) return null;
      return keepOneSize(code, LARGE_OCTICONS.has(name) ? '24' : '16');
    },
  };
}
