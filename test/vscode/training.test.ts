/** The train command in a real VS Code: worker thread, panel messages, model folder, cancel, errors, HTML in names. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * The parts of the train command's result these tests read (TrainOutcome in trainCommand.ts), with the run's
 * delivery report from the test API command `seqlab._runReport` (RunReport in runReports.ts).
 */
interface Outcome {
  runId: string;
  state: string;
  modelDir: string;
  error?: string;
  summary?: { saved: boolean; seconds: number; metrics: { mae: number } };
  delivered: Record<string, number>;
  webviewErrors: string[];
  workerExits: number;
  timings: { webviewReadyMs?: number; firstEpochMs?: number };
}
interface PanelMessage {
  type: string;
  report?: { epoch: number };
  earlier?: Array<{ epoch: number }>;
}

const SMALL = {
  cell: 'gru',
  units: 4,
  window: 5,
  epochs: 3,
  batchSize: 16,
  patience: 0,
  backend: 'cpu',
  seed: 7,
};
/**
 * A run that is still going when a test acts on it, at a few epochs a second: the kernel runs thousands of SMALL's
 * epochs a second, which would swamp the host with epoch messages; 256 units over one batch of every window do not.
 */
const LONG = { ...SMALL, units: 256, batchSize: 400, epochs: 10000 };

function workspaceFile(name: string, content?: string): vscode.Uri {
  const dir = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!dir) throw new Error('the suite needs the fixture workspace open');
  const file = path.join(dir, name);
  if (content !== undefined) fs.writeFileSync(file, content);
  return vscode.Uri.file(file);
}

function sineCsv(header: string, rows = 150): string {
  return [header, ...Array.from({ length: rows }, (_, i) => Math.sin(i / 6).toFixed(5))].join('\n') + '\n';
}

async function withReport(out: Outcome | undefined): Promise<Outcome> {
  assert.ok(out, 'the train command returned nothing');
  // A run that never started (runId '') has no report; those tests read only state and error.
  const report = out.runId
    ? await vscode.commands.executeCommand<Partial<Outcome> | undefined>('seqlab._runReport', out.runId)
    : undefined;
  if (out.runId) assert.ok(report, `no report for run ${out.runId}`);
  return { ...out, ...report };
}

async function train(args: Record<string, unknown>): Promise<Outcome> {
  return withReport(await vscode.commands.executeCommand<Outcome | undefined>('seqlab.train', args));
}

describe('Training from the train command', function () {
  this.timeout(180000);

  before(async () => {
    await vscode.extensions.getExtension('seqlab.seqlab')?.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('trains a fixture and saves a model folder with a valid meta.json', async () => {
    const out = await train({ uri: workspaceFile('sine.csv'), column: 'value', config: SMALL });
    assert.strictEqual(out.state, 'done', out.error);
    const meta = JSON.parse(fs.readFileSync(path.join(out.modelDir, 'meta.json'), 'utf8'));
    assert.strictEqual(meta.column, 'value');
    assert.strictEqual(meta.config.cell, 'gru');
    assert.strictEqual(
      meta.tool,
      vscode.extensions.getExtension('seqlab.seqlab')?.packageJSON.version,
      'meta.json names another version than package.json',
    );
    assert.ok(Number.isFinite(meta.metrics.val.mae));
    assert.ok(fs.existsSync(path.join(out.modelDir, 'weights.bin')));
  });

  it('puts the model under .seqlab/<data path>/<column>/ in the workspace', async () => {
    const out = await train({
      uri: workspaceFile('sine.csv'),
      column: 'value',
      config: SMALL,
      restart: true,
    });
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    assert.strictEqual(path.relative(root, out.modelDir), path.join('.seqlab', 'sine.csv', 'value'));
  });

  it('streams progress and a final summary to the panel', async () => {
    const seen: string[] = [];
    const epochs: number[] = [];
    const out = await train({
      uri: workspaceFile('sine.csv'),
      column: 'value',
      config: SMALL,
      restart: true,
      onEvent: (m: PanelMessage) => {
        seen.push(m.type);
        // Fast epochs arrive coalesced: one message carries every epoch since the last.
        if (m.type === 'epoch') epochs.push(...[...(m.earlier ?? []), m.report!].map((r) => r.epoch));
      },
    });
    assert.strictEqual(out.state, 'done', out.error);
    assert.deepStrictEqual(epochs, [1, 2, 3]);
    assert.ok(
      seen.includes('validation') && seen.includes('hidden') && seen.includes('summary'),
      seen.join(','),
    );
    assert.ok((out.delivered.epoch ?? 0) >= 1, JSON.stringify(out.delivered));
    assert.strictEqual(out.delivered.summary, 1, JSON.stringify(out.delivered));
    assert.deepStrictEqual(out.webviewErrors, []);
    console.log(
      `      command → webview ready ${out.timings.webviewReadyMs} ms, → first epoch ${out.timings.firstEpochMs} ms`,
    );
  });

  it('terminates the worker thread when training is done (its exit event fired)', async () => {
    const before = (
      await train({ uri: workspaceFile('sine.csv'), column: 'value', config: SMALL, restart: true })
    ).workerExits;
    const after = (
      await train({ uri: workspaceFile('sine.csv'), column: 'value', config: SMALL, restart: true })
    ).workerExits;
    assert.ok(before >= 1, `exits after the first run: ${before}`);
    assert.strictEqual(after, before + 1);
  });

  it('stops within the epoch when cancelled, and saves nothing', async () => {
    const file = workspaceFile('cancel-me.csv', sineCsv('level', 400));
    const cancel = new vscode.CancellationTokenSource();
    let epochs = 0;
    const out = await train({
      uri: file,
      column: 'level',
      config: LONG,
      cancel: cancel.token,
      onEvent: (m: PanelMessage) => {
        if (m.type === 'epoch' && ++epochs === 1) cancel.cancel();
      },
    });
    assert.strictEqual(out.state, 'stopped');
    assert.ok(epochs < 10000, `${epochs} epochs ran`);
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    assert.strictEqual(
      fs.existsSync(path.join(root, '.seqlab', 'cancel-me.csv', 'level', 'meta.json')),
      false,
    );
  });

  it('stops training when its panel is closed', async () => {
    const file = workspaceFile('close-me.csv', sineCsv('level', 400));
    let closed = false;
    const out = await train({
      uri: file,
      column: 'level',
      config: LONG,
      onEvent: (m: PanelMessage) => {
        if (m.type === 'epoch' && !closed) {
          closed = true;
          void vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
      },
    });
    assert.strictEqual(out.state, 'stopped');
  });

  it('reports a file with no usable column as an error, then trains a good file', async () => {
    const bad = workspaceFile('no-numbers.csv', 'name,city\nann,paris\nbob,rome\ncy,oslo\n');
    const failed = await train({ uri: bad, config: SMALL });
    assert.strictEqual(failed.state, 'error');
    assert.match(failed.error ?? '', /no-numbers\.csv/);
    const good = await train({
      uri: workspaceFile('sine.csv'),
      column: 'value',
      config: SMALL,
      restart: true,
    });
    assert.strictEqual(good.state, 'done', good.error);
  });

  it('refuses a file over seqlab.maxFileSizeMB before reading it, naming the file and the setting', async () => {
    const big = workspaceFile('big.csv', sineCsv('value', 200_000));
    assert.ok(fs.statSync(big.fsPath).size > 1024 * 1024);
    const settings = vscode.workspace.getConfiguration('seqlab');
    await settings.update('maxFileSizeMB', 1, vscode.ConfigurationTarget.Workspace);
    try {
      const out = await train({ uri: big, config: SMALL });
      assert.strictEqual(out.state, 'error');
      assert.match(out.error ?? '', /big\.csv.*larger than 1 MB.*seqlab\.maxFileSizeMB/);
    } finally {
      await settings.update('maxFileSizeMB', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('says a file that has gone is gone, naming it, before anything reads it', async () => {
    const gone = workspaceFile('gone.csv', sineCsv('value'));
    fs.rmSync(gone.fsPath);
    const out = await train({ uri: gone, column: 'value', config: SMALL });
    assert.strictEqual(out.state, 'error');
    assert.match(out.error ?? '', /^gone\.csv: the file no longer exists\.$/);
  });

  it('refuses to save through a link in .seqlab/ that leads out of the workspace, and leaves its target untouched', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'seqlab-outside-'));
    fs.mkdirSync(path.join(outside, 'value'));
    fs.writeFileSync(path.join(outside, 'value', 'keep.txt'), 'keep\n');
    const file = workspaceFile('linked-store.csv', sineCsv('value'));
    fs.mkdirSync(path.join(root, '.seqlab'), { recursive: true });
    const link = path.join(root, '.seqlab', 'linked-store.csv');
    fs.rmSync(link, { recursive: true, force: true });
    fs.symlinkSync(outside, link);
    try {
      const out = await train({ uri: file, column: 'value', config: SMALL });
      assert.strictEqual(out.state, 'error');
      assert.match(out.error ?? '', /linked-store\.csv: is a symbolic link/);
      assert.deepStrictEqual(fs.readdirSync(path.join(outside, 'value')), ['keep.txt']);
      assert.deepStrictEqual(fs.readdirSync(outside), ['value']);
    } finally {
      fs.rmSync(link, { force: true });
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it("sends the panel every epoch's windows and the time budget's clock", async () => {
    const epochs: Array<{ windows?: number; trainWindows?: number; elapsed?: number }> = [];
    const out = await train({
      uri: workspaceFile('sine.csv'),
      column: 'value',
      config: { ...SMALL, timeBudgetSeconds: 600 },
      restart: true,
      onEvent: (
        m: PanelMessage & {
          report?: (typeof epochs)[0];
          earlier?: typeof epochs;
          config?: { timeBudgetSeconds?: number };
        },
      ) => {
        // Fast epochs arrive coalesced: one message carries every epoch since the last.
        if (m.type === 'epoch' && m.report) epochs.push(...(m.earlier ?? []), m.report);
      },
    });
    assert.strictEqual(out.state, 'done', out.error);
    assert.strictEqual(epochs.length, 3);
    for (const e of epochs) {
      assert.ok((e.windows ?? 0) > 0 && e.windows === e.trainWindows, JSON.stringify(e));
      assert.ok(typeof e.elapsed === 'number' && e.elapsed >= 0, JSON.stringify(e));
    }
  });

  it('refuses an out-of-range setting with a message naming it', async () => {
    const out = await train({
      uri: workspaceFile('sine.csv'),
      column: 'value',
      config: { ...SMALL, units: 0 },
    });
    assert.strictEqual(out.state, 'error');
    assert.match(out.error ?? '', /units/);
  });

  it('queues a second file behind a running one, and cancels it while queued without training it', async () => {
    const first = new vscode.CancellationTokenSource();
    const second = new vscode.CancellationTokenSource();
    let running!: () => void;
    const firstRunning = new Promise<void>((resolve) => (running = resolve));
    const pFirst = train({
      uri: workspaceFile('queue-a.csv', sineCsv('level', 400)),
      column: 'level',
      config: LONG,
      cancel: first.token,
      onEvent: (m: PanelMessage) => m.type === 'epoch' && running(),
    });
    await firstRunning;
    const seen: string[] = [];
    const pSecond = train({
      uri: workspaceFile('queue-b.csv', sineCsv('level', 200)),
      column: 'level',
      config: SMALL,
      cancel: second.token,
      onEvent: (m: PanelMessage) => seen.push(m.type),
    });
    second.cancel();
    const outSecond = await pSecond;
    first.cancel();
    const outFirst = await pFirst;
    assert.strictEqual(outSecond.state, 'stopped');
    assert.deepStrictEqual(
      seen.filter((t) => t === 'epoch'),
      [],
    );
    assert.strictEqual(outFirst.state, 'stopped');
  });

  it('trains the seed example (window 5, 10 SimpleRNN units) on the bundled sample', async () => {
    const out = await withReport(
      await vscode.commands.executeCommand<Outcome>('seqlab.trainSeed', { config: { epochs: 3 } }),
    );
    assert.strictEqual(out?.state, 'done', out?.error);
    const meta = JSON.parse(fs.readFileSync(path.join(out.modelDir, 'meta.json'), 'utf8'));
    assert.deepStrictEqual([meta.config.cell, meta.config.units, meta.window], ['rnn', 10, 5]);
  });

  it('never bundles tfjs into the extension host, and ships one copy that the worker and the CLI share', () => {
    const ext = vscode.extensions.getExtension('seqlab.seqlab')!;
    const read = (name: string) => fs.readFileSync(path.join(ext.extensionPath, 'dist', name), 'utf8');
    assert.strictEqual(/@tensorflow|tfjs-core/.test(read('extension.js')), false);
    assert.ok(/tfjs-core/.test(read('tfjs.js')));
    for (const user of ['worker.js', 'evalRequests.js', 'modelCommands.js', 'evalCommands.js']) {
      const text = read(user);
      assert.ok(text.includes('require("./tfjs.js")'), `${user} does not load dist/tfjs.js`);
      assert.strictEqual(/tfjs-core/.test(text), false, `${user} bundles its own copy of tfjs`);
    }
  });

  it('renders a file and header holding HTML and script without any webview error or CSP violation', async () => {
    const name = '<img src=x onerror=alert(1)>.csv';
    const header = '<script>alert(1)</script>';
    const out = await train({ uri: workspaceFile(name, sineCsv(header)), column: header, config: SMALL });
    assert.strictEqual(out.state, 'done', out.error);
    assert.ok((out.delivered.init ?? 0) >= 1, JSON.stringify(out.delivered));
    assert.deepStrictEqual(out.webviewErrors, []);
  });
});
