import * as assert from 'assert';
import * as vscode from 'vscode';

interface ManifestCommand {
  command: string;
}

describe('SeqLab in a real VS Code', () => {
  const ext = () => vscode.extensions.getExtension('seqlab.seqlab');

  it('is present under its publisher.name id', () => {
    assert.ok(ext(), 'seqlab.seqlab is not among the installed extensions');
  });

  it('declares no eager activation (neither * nor onStartupFinished)', () => {
    // Other suites may have activated it already, so the manifest is what can be checked here.
    const events: string[] = ext()!.packageJSON.activationEvents ?? [];
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'), events.join(', '));
  });

  it('activates and registers its train command', async () => {
    await ext()!.activate();
    assert.strictEqual(ext()!.isActive, true);
    assert.ok((await vscode.commands.getCommands(true)).includes('seqlab.train'));
  });

  it('registers every command its manifest contributes', async () => {
    await ext()!.activate();
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared: ManifestCommand[] = ext()!.packageJSON.contributes.commands;
    const missing = declared.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, []);
  });

  it('opens the fixture workspace the harness copied', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.strictEqual(folders.length, 1);
  });
});
