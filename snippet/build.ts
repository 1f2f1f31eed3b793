/**
 * Builds the snippet into one minified file with esbuild. Used by the server (built once at start,
 * kept in memory) and by `npm run build:snippet`, which fails when the gzipped size passes the
 * budget: the snippet runs on every page of a shop.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const SNIPPET_BUDGET_GZIP = 6 * 1024;

export async function buildSnippet(): Promise<{ code: string; gzipBytes: number }> {
  const r = await build({
    entryPoints: [new URL('./src/index.ts', import.meta.url).pathname],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    write: false,
    legalComments: 'none',
  });
  const code = r.outputFiles[0]!.text;
  return { code, gzipBytes: gzipSync(code).length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { code, gzipBytes } = await buildSnippet();
  process.stdout.write(`snippet.js: ${code.length} bytes, ${gzipBytes} gzipped (budget ${SNIPPET_BUDGET_GZIP})\n`);
  if (gzipBytes > SNIPPET_BUDGET_GZIP) {
    process.stderr.write('snippet.js is over its size budget\n');
    process.exit(1);
  }
}
