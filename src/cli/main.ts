/** `seqlab` entry: dispatches to a command and turns every failure into one line on stderr and an exit code. */
import { UsageError } from './args';
import { COMMAND_USAGE, EXIT_OK, reportError } from './output';

type Command = (argv: string[]) => Promise<number>;

type ModelCommands = typeof import('./modelCommands.js');
type EvalCommands = typeof import('./evalCommands.js');

// Loaded on demand so `seqlab inspect` never parses the model bundle. It is required, not imported: import() of a
// CommonJS file runs Node's export lexer over all of it first.
const modelCommands = (): ModelCommands => require('./modelCommands.js') as ModelCommands;
const evalCommands = (): EvalCommands => require('./evalCommands.js') as EvalCommands;
const commands: Record<string, () => Promise<Command>> = {
  inspect: async () => (await import('./inspect.js')).run,
  train: async () => modelCommands().train,
  predict: async () => modelCommands().predict,
  backtest: async () => evalCommands().backtest,
  explain: async () => evalCommands().explain,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${Object.values(COMMAND_USAGE).join('\n')}\n`);
    return EXIT_OK;
  }
  if (name === undefined) return reportError(new UsageError('missing command'));
  const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
  if (!load) return reportError(new UsageError(`unknown command ${JSON.stringify(name)}`));
  try {
    return await (
      await load()
    )(rest);
  } catch (err) {
    return reportError(err, name);
  }
}

function exitQuietly(err: unknown): void {
  process.exitCode = reportError(err);
  process.exit();
}

if (require.main === module) {
  process.on('uncaughtException', exitQuietly);
  process.on('unhandledRejection', exitQuietly);
  // A closed pipe (`seqlab inspect f --json | head -c 10`) is not an error worth a message.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  });
  // For benchmarks on machines without GNU time: the peak RSS, in KB, as the last line on stderr.
  if (process.env.SEQLAB_REPORT_RSS) {
    process.on('exit', () => process.stderr.write(`SEQLAB_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
  }
  let finished = false;
  // A promise that can never settle would otherwise end the process silently with code 0.
  process.on('beforeExit', () => {
    if (!finished) exitQuietly(new Error('internal error: the command stopped before finishing'));
  });
  void main(process.argv.slice(2)).then((code) => {
    finished = true;
    process.exitCode = code;
  });
}
