import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

// Not named *.test.ts: only the installed-.vsix entry (../installed.ts) runs it.
describe('the installed .vsix', () => {
  const ext = () => vscode.extensions.getExtension('seqlab.seqlab');

  it('is loaded from the extensions folder, not from the working tree', () => {
    const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
    const where = ext()?.extensionPath ?? '';
    assert.ok(
      where && !path.resolve(where).startsWith(repoRoot + path.sep) && path.resolve(where) !== repoRoot,
      where,
    );
  });

  it('ships the bundles the manifest points at and leaves sources out', async () => {
    const root = ext()!.extensionUri;
    const names = (await vscode.workspace.fs.readDirectory(root)).map(([name]) => name);
    assert.ok(names.includes('dist'), names.join(', '));
    for (const absent of ['src', 'test', 'node_modules'])
      assert.ok(!names.includes(absent), `${absent} is in the .vsix`);
    const dist = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, 'dist'))).map(
      ([name]) => name,
    );
    for (const file of [
      'extension.js',
      'worker.js',
      'cli.js',
      'modelCommands.js',
      'evalCommands.js',
      'webview',
      'wasm',
    ])
      assert.ok(dist.includes(file), `dist/${file} missing`);
  });
});
