// A code-server session whose display language is zh-cn (see VSCODE_TESTING.md, "Testing another display language"):
// code-server ignores --locale unless a language pack for it is registered, so this installs a stub pack (a test
// fixture built here, never shipped) and writes the languagepacks.json that installing does not write.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { launchBrowser, workbenchUrl } from '../../scripts/codeserver/browser.mjs';
import { ensureChromium, ensureCodeServer } from '../../scripts/codeserver/install.mjs';
import { repoRoot } from '../../scripts/codeserver/paths.mjs';
import {
  copyWorkspace,
  createRunDir,
  disposeRunDir,
  writeUserSettings,
} from '../../scripts/codeserver/runDir.mjs';
import { installVsix, startCodeServer } from '../../scripts/codeserver/server.mjs';
import { Workbench } from './harness.mjs';

const PACK = { publisher: 'seqlab-test', name: 'zh-cn-stub', version: '0.0.1' };

/** A stored (uncompressed) zip: enough for a .vsix, which VS Code reads as extension/package.json plus files. */
function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const fname = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += local.length + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function stubPackVsix(dir) {
  const manifest = {
    ...PACK,
    engines: { vscode: '^1.99.0' },
    contributes: {
      localizations: [
        {
          languageId: 'zh-cn',
          languageName: 'Chinese Simplified',
          localizedLanguageName: '中文(简体)',
          translations: [{ id: 'vscode', path: './i18n/vscode.i18n.json' }],
        },
      ],
    },
  };
  const path = join(dir, 'zh-cn-stub.vsix');
  writeFileSync(
    path,
    zip({
      'extension/package.json': JSON.stringify(manifest),
      'extension/i18n/vscode.i18n.json': JSON.stringify({ version: '1.0.0', contents: {} }),
    }),
  );
  return path;
}

/** Opens a Workbench (harness.mjs) in zh-cn with SeqLab loaded from the working tree and the fixture workspace. */
export async function openZhCnWorkbench() {
  ensureCodeServer();
  const chromium = ensureChromium();
  const run = createRunDir('zhcn');
  const vs = new Workbench();
  vs.session = { run, dispose: async () => {} };
  try {
    vs.workspace = copyWorkspace(run);
    writeUserSettings(run, {
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
    });
    const stubDir = join(run.dir, 'stub');
    mkdirSync(stubDir, { recursive: true });
    installVsix(run, stubPackVsix(stubDir));
    const id = `${PACK.publisher}.${PACK.name}`;
    const folder = join(run.extensions, `${id}-${PACK.version}`);
    const packs = {
      'zh-cn': {
        hash: 'stub0001',
        extensions: [{ extensionIdentifier: { id }, version: PACK.version }],
        translations: { vscode: join(folder, 'i18n', 'vscode.i18n.json') },
        label: '中文(简体)',
      },
    };
    writeFileSync(join(run.userData, 'languagepacks.json'), JSON.stringify(packs));
    const server = await startCodeServer(run, { args: ['--locale', 'zh-cn'] });
    const context = await launchBrowser(run, chromium);
    vs.session = {
      run,
      server,
      context,
      workspace: vs.workspace,
      dispose: async () => {
        await context.close().catch(() => undefined);
        await server.stop();
        await disposeRunDir(run);
      },
    };
    vs.page = context.pages()[0] ?? (await context.newPage());
    vs.page.setDefaultTimeout(30_000);
    await vs.page.goto(workbenchUrl(server, { folder: vs.workspace, devPath: repoRoot }));
    await vs.page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    return vs;
  } catch (e) {
    await (vs.session.server ? vs.session.dispose() : disposeRunDir(run));
    throw e;
  }
}
