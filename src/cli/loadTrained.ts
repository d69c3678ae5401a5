/** The model a model command reads, with the one message for "not trained yet" that predict and explain share. */
import { join, relative } from 'node:path';
import { DataError } from '../model/data';
import { loadModel, StoreError, type ModelPlace } from '../model';
import type { LoadedModel } from '../model/store/load';

export async function loadTrained(
  file: string,
  place: ModelPlace,
  column: string,
  backend: string | undefined,
): Promise<LoadedModel> {
  const dir = place.dir;
  return loadModel(place, (backend as 'auto' | 'wasm' | 'cpu' | undefined) ?? 'auto').catch((e: unknown) => {
    if (!(e instanceof StoreError && e.what === 'missing' && e.file === join(dir, 'model.json'))) throw e;
    throw new DataError(
      file,
      `no trained model for this column in ${relative(process.cwd(), dir) || dir}; run "seqlab train ${file}" first`,
      { column },
    );
  });
}
