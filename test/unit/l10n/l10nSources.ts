/** Where user-visible runtime strings come from: every vscode.l10n.t call in src/extension, aliased ones included. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

export const repoRoot = join(__dirname, '..', '..', '..', '..');

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

export const extensionSources = sourceFiles(join(repoRoot, 'src', 'extension'));

export async function extracted(): Promise<string[]> {
  const json = await getL10nJson(
    extensionSources.map((f) => ({ contents: readFileSync(f, 'utf8'), extension: '.ts' })),
  );
  return [...new Set([...Object.keys(json), ...aliasedCalls()])];
}

/** `const t = vscode.l10n.t; t('…')` is invisible to the extractor but still shown to users: collect those too. */
function aliasedCalls(): string[] {
  return extensionSources.flatMap((f) => {
    const text = readFileSync(f, 'utf8');
    return [...text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*(?:vscode\.)?l10n\.t\s*;/g)].flatMap(([, alias]) =>
      [...text.matchAll(new RegExp(`\\b${alias}\\(\\s*'((?:[^'\\\\]|\\\\.)*)'`, 'g'))].map((m) =>
        m[1].replace(/\\'/g, "'"),
      ),
    );
  });
}
