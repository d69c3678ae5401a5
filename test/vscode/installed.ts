import * as path from 'path';
import { runMocha } from './runMocha';

/**
 * The entry for the packaged-extension check: the harness installs seqlab.vsix into a fresh code-server and loads no
 * development copy, so these tests see exactly what a user gets.
 */
export function run(): Promise<void> {
  return runMocha([
    path.join(__dirname, 'smoke.test.js'),
    path.join(__dirname, 'installed', 'installedCopy.js'),
  ]);
}
