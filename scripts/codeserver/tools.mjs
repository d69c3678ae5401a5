// Small process helpers shared by the installer and the launchers.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A failure the harness reports as one line, without a stack trace. */
export class HarnessError extends Error {}

/** Runs a command to completion; throws a one-line HarnessError naming it when it fails. */
export function run(cmd, args, { cwd, env, quiet = true } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: quiet ? 'pipe' : 'inherit',
  });
  if (r.error) throw new HarnessError(`${cmd} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    const tail = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(-15).join('\n');
    if (tail) console.error(tail);
    throw new HarnessError(
      `\`${[cmd, ...args].join(' ')}\` failed (exit ${r.status}) in ${cwd ?? process.cwd()}`,
    );
  }
  return r.stdout ?? '';
}

/** The absolute path of a program on PATH, or undefined. */
export function which(name) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(`${dir}/${name}`)) return `${dir}/${name}`;
  }
  return undefined;
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Requires a tool and names the apt package that provides it when it is missing. */
export function requireTool(name, aptPackage = name) {
  const path = which(name);
  if (!path)
    throw new HarnessError(
      `${name} is missing: install it (for example \`apt-get install -y ${aptPackage}\`) and retry`,
    );
  return path;
}

/** Runs `main`, turning HarnessError into a single line on stderr and exit code 1. */
export async function runMain(main) {
  try {
    const code = await main();
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (e) {
    if (e instanceof HarnessError) {
      console.error(`seqlab harness: ${e.message}`);
      process.exitCode = 1;
    } else throw e;
  }
}
