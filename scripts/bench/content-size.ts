import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Size of the content script(s) that run on every GitHub page, raw and gzipped. */
export function contentScriptSize(extensionPath: string): { bytes: number; gzip: number; files: string[] } {
  const dir = path.join(extensionPath, 'content-scripts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js') || f.endsWith('.css'));
  let bytes = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(path.join(dir, file));
    bytes += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { bytes, gzip, files };
}
