import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export type Size = { bytes: number; gzip: number; files: string[] };

/** Raw and gzipped (level 9) size of `files` in `dir`, together. */
export function sizeOf(dir: string, files: string[]): Size {
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(path.join(dir, file));
    bytes += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { bytes, gzip, files };
}

/** Every file the manifest's content scripts inject on a page (JS and CSS). */
export function contentScriptSize(extensionPath: string): Size {
  const manifest = JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const files = (manifest.content_scripts ?? []).flatMap((script) => [
    ...(script.js ?? []),
    ...(script.css ?? []),
  ]);
  return sizeOf(extensionPath, files);
}

/** The JS files an extension page's HTML loads: its module scripts and their modulepreloads. */
export function pageScriptSize(extensionPath: string, html: string): Size {
  const source = readFileSync(path.join(extensionPath, html), 'utf8');
  const files = [
    ...source.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g),
  ]
    .map((match) => match[1] as string)
    .filter((file, index, all) => all.indexOf(file) === index);
  return sizeOf(extensionPath, files);
}
