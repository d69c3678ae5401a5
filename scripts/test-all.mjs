// Placeholder: runs lint and unit tests. The harness work extends this to the VS Code suite and UI tests.
import { spawnSync } from 'node:child_process';
const run = (cmd) => spawnSync(cmd, { shell: true, stdio: 'inherit' }).status ?? 1;
const lint = run('npm run lint');
const unit = run('npm run test:unit');
const failed = (lint ? 1 : 0) + (unit ? 1 : 0);
console.log(`${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
