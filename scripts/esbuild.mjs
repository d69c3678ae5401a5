// Bundles every entry the extension ships: host, worker, CLI (Node) and the webviews (browser).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKernel } from './build-kernel.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Reports errors in the `file:line:col: message` shape VS Code's problem matchers read. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
    });
  },
};

/** Keeps the model commands out of dist/cli.js: it loads dist/modelCommands.js or dist/evalCommands.js when asked to. */
const modelCommandsApart = {
  name: 'model-commands-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/(model|eval)Commands\.js$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
  },
};

/** Keeps backtest and explain out of dist/worker.js: it requires dist/evalRequests.js on their first request. */
const evalRequestsApart = {
  name: 'eval-requests-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/evalRequests\.js$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * dist/worker.js and dist/modelCommands.js both run tfjs: they take it from dist/tfjs.js (scripts/vendor/tfjs.cjs)
 * at run time rather than each bundling a copy.
 */
const sharedTfjs = {
  name: 'shared-tfjs',
  setup(build) {
    build.onResolve({ filter: /^@tensorflow\/tfjs(-backend-wasm)?$/ }, (args) => ({
      path: args.path,
      namespace: 'shared-tfjs',
    }));
    build.onLoad({ filter: /.*/, namespace: 'shared-tfjs' }, (args) => ({
      contents: `module.exports = require('./tfjs.js').${args.path.endsWith('wasm') ? 'wasmBackend' : 'tf'};`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^\.\/tfjs\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const common = {
  bundle: true,
  define: { SEQLAB_VERSION: JSON.stringify(version) },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  plugins: [problemMatcher],
  absWorkingDir: root,
};

const node = {
  ...common,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist' },
  {
    ...node,
    entryPoints: { worker: 'src/worker/main.ts', evalRequests: 'src/worker/evalRequests.ts' },
    outdir: 'dist',
    plugins: [problemMatcher, sharedTfjs, evalRequestsApart],
  },
  // The recurrent kernel's second thread (src/model/kernel/threads.ts finds it beside the bundle that starts it).
  { ...node, entryPoints: { shardWorker: 'src/model/kernel/shardWorker.ts' }, outdir: 'dist' },
  {
    ...node,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [problemMatcher, modelCommandsApart],
  },
  {
    ...node,
    entryPoints: { modelCommands: 'src/cli/modelCommands.ts', evalCommands: 'src/cli/evalCommands.ts' },
    outdir: 'dist',
    plugins: [problemMatcher, sharedTfjs],
  },
  { ...node, entryPoints: { tfjs: 'scripts/vendor/tfjs.cjs' }, outdir: 'dist' },
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    entryPoints: { panel: 'src/webview/panel/main.ts', hiddenStates: 'src/webview/hiddenStates/main.ts' },
    outdir: 'dist/webview',
    loader: { '.css': 'css' },
  },
];

/** tfjs-backend-wasm loads its .wasm at run time; ship them beside the bundles so nothing is fetched. */
function copyWasm() {
  const src = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
  const out = join(root, 'dist/wasm');
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(src).filter((f) => f.endsWith('.wasm')))
    copyFileSync(join(src, f), join(out, f));
  const uplotCss = join(root, 'node_modules/uplot/dist/uPlot.min.css');
  if (existsSync(uplotCss)) {
    mkdirSync(join(root, 'dist/webview'), { recursive: true });
    copyFileSync(uplotCss, join(root, 'dist/webview/uPlot.min.css'));
  }
}

copyWasm();
await buildKernel();
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
