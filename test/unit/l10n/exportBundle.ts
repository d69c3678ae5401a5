/**
 * Regenerates l10n/bundle.l10n.json from src/extension (like `npx @vscode/l10n-dev export`, plus aliased calls it
 * misses) and lists the strings l10n/bundle.l10n.zh-cn.json still lacks.
 *   npm run compile-tests && node out/test/unit/l10n/exportBundle.js
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extracted, repoRoot } from './l10nSources';

async function main(): Promise<void> {
  const keys = await extracted();
  const bundle = Object.fromEntries(keys.map((k) => [k, k]));
  writeFileSync(join(repoRoot, 'l10n', 'bundle.l10n.json'), JSON.stringify(bundle, null, 2) + '\n');
  const zh = JSON.parse(readFileSync(join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<
    string,
    string
  >;
  const missing = keys.filter((k) => !(k in zh));
  console.log(`${keys.length} strings; zh-cn lacks ${missing.length}`);
  for (const k of missing) console.log(`  ${JSON.stringify(k)}`);
}

void main();
