// `npm start`: VS Code in the browser (code-server) with SeqLab loaded from this working tree and media/samples open.
//   npm start [-- --port 8080] [--no-build]     (or SEQLAB_PORT=…)   Ctrl-C stops everything.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { workbenchUrl } from './codeserver/browser.mjs';
import { startDevProxy } from './codeserver/devProxy.mjs';
import { repoRoot } from './codeserver/paths.mjs';
import { openSession } from './codeserver/session.mjs';
import { HarnessError, run, runMain } from './codeserver/tools.mjs';

const { values: opts } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.SEQLAB_PORT ?? '8080' },
    'no-build': { type: 'boolean', default: false },
  },
});

await runMain(async () => {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new HarnessError(`--port ${opts.port} is not a port number`);
  if (!opts['no-build']) run('npm', ['run', 'build'], { cwd: repoRoot, quiet: false });
  const samples = join(repoRoot, 'media', 'samples');
  if (!existsSync(samples)) mkdirSync(samples, { recursive: true });

  // The working tree's media/samples is opened as is, so what you train there stays (models go to .seqlab/).
  const session = await openSession({ label: 'start', browser: false, workspace: false });
  const landing = (p) => {
    const url = workbenchUrl({ port: p, origin: '' }, { folder: samples, devPath: repoRoot });
    return url;
  };
  let proxy;
  try {
    proxy = await startDevProxy({ port, target: session.server.port, landing });
  } catch (e) {
    await session.dispose();
    throw new HarnessError(
      `cannot listen on 127.0.0.1:${port} (${e.code ?? e.message}); choose another with --port`,
    );
  }
  process.on('exit', () => proxy.close());
  console.log(`SeqLab in VS Code for the browser: http://127.0.0.1:${port}/`);
  console.log('(extension from this working tree, media/samples open; Ctrl-C stops it)');
  await new Promise(() => undefined); // until Ctrl-C: the session's signal handler disposes everything and exits
});
