/** A small strict argument parser shared by every `seqlab` command: typed flags, validated numbers, no surprises. */

/** Wrong command line: the CLI prints the message and a usage line, and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type FlagSpec =
  | { type: 'boolean'; help?: string }
  | { type: 'string'; choices?: readonly string[]; help?: string }
  | { type: 'int' | 'number'; min?: number; max?: number; help?: string };

export type FlagSpecs = Record<string, FlagSpec>;

type FlagValue<S extends FlagSpec> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'string' }
    ? string
    : number;

export type Flags<S extends FlagSpecs> = { [K in keyof S]?: FlagValue<S[K]> };

export interface Parsed<S extends FlagSpecs> {
  positionals: string[];
  flags: Flags<S>;
  /** `--help` or `-h` was given: the command should print its usage and exit 0. */
  help: boolean;
}

/**
 * Parses `--name value`, `--name=value` and boolean `--name`. Unknown flags, missing values, repeated flags, bad
 * numbers and a wrong count of positional arguments throw UsageError. `--` ends the flags.
 */
export function parseArgs<S extends FlagSpecs>(
  argv: string[],
  specs: S,
  positionals: { min: number; max: number },
): Parsed<S> {
  const flags: Record<string, string | number | boolean> = {};
  const rest: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      rest.push(arg);
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = Object.prototype.hasOwnProperty.call(specs, name) ? specs[name] : undefined;
    if (!spec) throw new UsageError(`unknown option --${name}`);
    if (name in flags) throw new UsageError(`--${name} is given twice`);
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let raw: string;
    if (eq >= 0) raw = arg.slice(eq + 1);
    else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2))
        throw new UsageError(`--${name} needs a value`);
      raw = next;
      i++;
    }
    flags[name] = convert(name, raw, spec);
  }
  if (!help && rest.length < positionals.min)
    throw new UsageError(rest.length === 0 ? 'missing FILE' : 'too few arguments');
  if (!help && rest.length > positionals.max)
    throw new UsageError(`unexpected argument ${JSON.stringify(rest[positionals.max])}`);
  return { positionals: rest, flags: flags as Flags<S>, help };
}

function convert(name: string, raw: string, spec: Exclude<FlagSpec, { type: 'boolean' }>): string | number {
  if (spec.type === 'string') {
    if (spec.choices && !spec.choices.includes(raw)) {
      throw new UsageError(
        `--${name} must be one of ${spec.choices.join(', ')} (got ${JSON.stringify(raw)})`,
      );
    }
    return raw;
  }
  const pattern = spec.type === 'int' ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
  const value = pattern.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(value)) {
    throw new UsageError(
      `--${name} must be ${spec.type === 'int' ? 'an integer' : 'a number'} (got ${JSON.stringify(raw)})`,
    );
  }
  if (spec.min !== undefined && value < spec.min)
    throw new UsageError(`--${name} must be at least ${spec.min} (got ${raw})`);
  if (spec.max !== undefined && value > spec.max)
    throw new UsageError(`--${name} must be at most ${spec.max} (got ${raw})`);
  return value;
}

/** One line per flag, for `--help`. */
export function describeFlags(specs: FlagSpecs): string {
  return Object.entries(specs)
    .map(([name, spec]) => {
      const value =
        spec.type === 'boolean'
          ? ''
          : spec.type === 'string'
            ? spec.choices
              ? ` ${spec.choices.join('|')}`
              : ' TEXT'
            : spec.type === 'int'
              ? ' N'
              : ' X';
      return `  --${(name + value).padEnd(22)} ${spec.help ?? ''}`.trimEnd();
    })
    .join('\n');
}
