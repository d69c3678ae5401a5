import { findTestFiles, runMocha } from './runMocha';

/**
 * The extensionTestsPath entry: VS Code calls run() inside the extension host. It loads every test/vscode/**\/*.test.js,
 * so adding a test file is all another suite needs.
 */
export function run(): Promise<void> {
  return runMocha(findTestFiles(__dirname));
}
