/** Where a model lives: `<root>/.seqlab/<data path relative to root>/<column>/`. */
import { isAbsolute, join, relative, resolve } from 'node:path';

/** Path segments that cannot be a folder name are replaced so a column like "a/b" stays one folder. */
function safeSegment(s: string): string {
  const t = s.replace(/[\\/:*?"<>|\0]/g, '_').trim();
  return t === '' || t === '.' || t === '..' ? '_' : t;
}

/** `root` is the workspace folder (CLI: the current directory). Data outside it keys on its absolute path. */
export function modelDirFor(root: string, dataFile: string, column: string, storeName = '.seqlab'): string {
  const abs = resolve(root, dataFile);
  let rel = relative(root, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) rel = join('_external', abs.replace(/^[A-Za-z]:/, ''));
  const parts = rel.split(/[\\/]+/).filter(Boolean).map(safeSegment);
  return join(root, storeName, ...parts, safeSegment(column));
}
