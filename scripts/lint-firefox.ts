/**
 * Runs `web-ext lint` on the Firefox build and prints one line per finding, failing on any error.
 * The README lists the warnings that remain and why they are acceptable.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

interface Finding {
  code: string;
  message: string;
  file?: string;
}

const sourceDir = path.resolve(process.env.FIREFOX_BUILD ?? '.output/firefox-mv3');
let output: string;
try {
  output = execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json'], {
    encoding: 'utf8',
  });
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
  output = (error as { stdout?: string }).stdout ?? '';
}
const report = JSON.parse(output.slice(output.indexOf('{'))) as Record<
  'errors' | 'warnings' | 'notices',
  Finding[]
>;
for (const kind of ['errors', 'warnings', 'notices'] as const) {
  for (const f of report[kind]) console.log(`${kind.slice(0, -1)}: ${f.code} ${f.file ?? ''} — ${f.message}`);
}
console.log(
  `firefox lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
);
process.exit(report.errors.length > 0 ? 1 : 0);
