/** `seqlab predict FILE`: the next value (and n steps) from the model trained on FILE's column. */
import { join, relative } from 'node:path';
import { DataError, readSeries, showText } from '../model/data';
import { forecast, loadModel, modelPlace, placeOfFolder, setBackend, StoreError } from '../model';
import { BACKENDS } from '../shared/schema/config';
import { parseFileCommand } from './fileCommand';
import { EXIT_OK, tableNumber, printJson } from './output';
import { asCliError } from './train';

const FLAGS = {
  column: { type: 'string', help: 'column the model was trained on (default: the only numeric one)' },
  steps: { type: 'int', min: 1, max: 10000, help: 'values to forecast, each fed back as input (default 1)' },
  level: { type: 'number', min: 0.01, max: 0.99, help: 'interval level (default 0.8)' },
  model: { type: 'string', help: 'model folder (default .seqlab/FILE/COLUMN/)' },
  backend: { type: 'string', choices: BACKENDS, help: 'TensorFlow.js backend (default auto)' },
  json: { type: 'boolean', help: 'print one JSON object on stdout' },
} as const;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseFileCommand('predict', argv, FLAGS);
  if (!parsed) return EXIT_OK;
  const { file, flags } = parsed;
  const series = await readSeries({ path: file }, flags.column ? { column: flags.column } : {});
  const place = flags.model ? placeOfFolder(flags.model) : modelPlace(process.cwd(), file, series.name);
  const dir = place.dir;
  try {
    await setBackend((flags.backend as 'auto' | 'wasm' | 'cpu' | undefined) ?? 'auto');
    const model = await loadModel(place).catch((e: unknown) => {
      if (!(e instanceof StoreError && e.what === 'missing' && e.file === join(dir, 'model.json'))) throw e;
      throw new DataError(
        file,
        `no trained model for this column in ${relative(process.cwd(), dir) || dir}; run "seqlab train ${file}" first`,
        { column: series.name },
      );
    });
    try {
      const steps = flags.steps ?? 1;
      const f = forecast(model, series, steps, flags.level ?? 0.8);
      if (flags.json) {
        printJson({
          column: series.name,
          next: f.next,
          interval: f.interval,
          level: f.level,
          forecast: f.forecast,
          intervals: f.intervals,
          intervalMethod: f.intervalMethod,
          coverage: f.coverage ?? null,
          modelDir: dir,
        });
      } else {
        const pct = Math.round(f.level * 100);
        const achieved =
          f.coverage === undefined
            ? ', coverage not measured'
            : `, ${Math.round(f.coverage * 100)}% achieved on held-out validation forecasts`;
        const lines = [
          `${showText(series.name)}: next value ${tableNumber(f.next)}  (${pct}% interval ${tableNumber(f.interval[0])} … ${tableNumber(f.interval[1])}${achieved})`,
        ];
        if (steps > 1) lines.push(`forecast: ${f.forecast.map(tableNumber).join(', ')}`);
        process.stdout.write(`${lines.join('\n')}\n`);
      }
      return EXIT_OK;
    } finally {
      model.dispose();
    }
  } catch (err) {
    throw asCliError(err, file);
  }
}
