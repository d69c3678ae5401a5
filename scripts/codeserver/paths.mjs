// Where the harness keeps things. Everything it downloads or builds lives under .vscode-test/ (git-ignored).
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.99.4';
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = join(repoRoot, '.vscode-test');
export const codeServerDir = join(cacheDir, 'code-server');
export const codeServerPkg = join(codeServerDir, 'node_modules', 'code-server');
export const codeServerEntry = join(codeServerPkg, 'out', 'node', 'entry.js');
/** Written last by the installer, so its presence means a complete install of this version. */
export const installedMarker = join(codeServerDir, `.installed-${CODE_SERVER_VERSION}`);
export const resultsDir = join(repoRoot, 'test-results');
export const fixtureWorkspace = join(repoRoot, 'test', 'fixtures', 'workspace');
