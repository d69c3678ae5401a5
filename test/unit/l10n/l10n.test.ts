/**
 * Localization is complete: every manifest string is a %key% with an English and a Simplified Chinese value, and
 * every vscode.l10n.t string in src/extension is in both runtime bundles, with the same {n} placeholders.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionSources, extracted, repoRoot as root, sourceFiles } from './l10nSources';

const readJson = (rel: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, unknown>;

const manifest = readJson('package.json');
const nls = readJson('package.nls.json') as Record<string, string>;
const nlsZh = readJson('package.nls.zh-cn.json') as Record<string, string>;
const bundle = readJson('l10n/bundle.l10n.json') as Record<string, string>;
const bundleZh = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;

const placeholders = (s: string): string => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort().join(',');
const hasHan = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);

/** Every manifest string a user reads: titles, names and descriptions, wherever they sit in `contributes`. */
function manifestStrings(): Array<{ where: string; value: string }> {
  const out: Array<{ where: string; value: string }> = [
    { where: 'description', value: String(manifest.description) },
  ];
  const visit = (v: unknown, where: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${where}[${i}]`));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (typeof x === 'string' && ['title', 'name', 'description', 'markdownDescription'].includes(k))
          out.push({ where: `${where}.${k}`, value: x });
        else visit(x, `${where}.${k}`);
      }
    }
  };
  visit(manifest.contributes, 'contributes');
  visit(manifest.capabilities, 'capabilities');
  return out.filter(({ where }) => where !== 'contributes.configuration.title');
}

describe('localization', () => {
  // Parsing every source file is the slow part: do it once.
  let keys: string[] = [];
  before(async () => {
    keys = await extracted();
  });

  it('makes every manifest title and description a %key% defined in package.nls.json', () => {
    const bad = manifestStrings().filter(
      ({ value }) => !/^%[^%]+%$/.test(value) || !(value.slice(1, -1) in nls),
    );
    assert.deepEqual(bad, []);
  });

  it('gives every package.nls.json key a Chinese value in package.nls.zh-cn.json', () => {
    // Only the product name may stay as it is.
    const missing = Object.keys(nls).filter(
      (k) => typeof nlsZh[k] !== 'string' || (!hasHan(nlsZh[k]) && nls[k] !== 'SeqLab'),
    );
    assert.deepEqual(missing, []);
  });

  it('has no package.nls.zh-cn.json key that package.nls.json lacks', () => {
    assert.deepEqual(
      Object.keys(nlsZh).filter((k) => !(k in nls)),
      [],
    );
  });

  it('keeps bundle.l10n.json in step with the vscode.l10n.t calls in src/extension', () => {
    assert.deepEqual(
      keys.filter((k) => !(k in bundle)),
      [],
      'run: npm run compile-tests && node out/test/unit/l10n/exportBundle.js',
    );
  });

  it('translates every vscode.l10n.t string into Simplified Chinese', () => {
    assert.deepEqual(
      keys.filter((k) => typeof bundleZh[k] !== 'string' || !bundleZh[k].trim()),
      [],
    );
  });

  it('keeps the {n} placeholders of every runtime string in its translation', () => {
    const bad = Object.keys(bundleZh).filter((k) => placeholders(k) !== placeholders(bundleZh[k]));
    assert.deepEqual(bad, []);
  });

  it('shows no message, prompt or title from src/extension without vscode.l10n.t', () => {
    const literal =
      /(show(?:Information|Warning|Error)Message|showInputBox|showQuickPick)\(\s*['"`]|\b(?:title|placeHolder|prompt|openLabel):\s*['"`][A-Za-z]/;
    const offenders = extensionSources.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${f.slice(root.length + 1)}:${i + 1}` }))
        .filter(({ line }) => literal.test(line) && !line.includes('l10n.t(')),
    );
    assert.deepEqual(
      offenders.map((o) => o.at),
      [],
    );
  });

  it('writes no English literal into a webview DOM: webviews show only strings the host passed in', () => {
    const literal =
      /(textContent|title|placeholder|ariaLabel)\s*=\s*['"`][A-Za-z]|setAttribute\('aria-label',\s*['"`][A-Za-z]|createTextNode\(\s*['"`][A-Za-z]/;
    const offenders = sourceFiles(join(root, 'src', 'webview')).flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${f.slice(root.length + 1)}:${i + 1}` }))
        .filter(({ line }) => literal.test(line)),
    );
    assert.deepEqual(
      offenders.map((o) => o.at),
      [],
    );
  });
});
