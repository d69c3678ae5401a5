/** The shape every seqlab command shares: `seqlab NAME FILE [flags]`, with `--help` printing its own usage. */
import { describeFlags, parseArgs, type FlagSpecs, type Flags } from './args';
import { COMMAND_USAGE } from './output';

/** Parses the command line; prints the command's help and returns undefined when `--help` was given. */
export function parseFileCommand<S extends FlagSpecs>(
  name: string,
  argv: string[],
  specs: S,
): { file: string; flags: Flags<S> } | undefined {
  const { positionals, flags, help } = parseArgs(argv, specs, { min: 1, max: 1 });
  if (help) {
    process.stdout.write(`${COMMAND_USAGE[name]}\n${describeFlags(specs)}\n`);
    return undefined;
  }
  return { file: positionals[0], flags };
}
