/**
 * Finds the trained models of the workspace: every folder under a model root that holds a meta.json.
 * Reads meta.json as untrusted JSON (it comes from the workspace) and keeps only the fields the UI shows.
 */
import * as vscode from 'vscode';
import { decodeSegment, isModelFolderName, type ModelPlace } from '../../model/store/paths';
import { loadBacktest } from '../../model/store/backtestFile';
import { LIMITS } from '../../model/store/limits';
import type { BacktestReport } from '../../shared/types';
import { isRecord } from '../../shared/validate';
import { isInsideRelative, modelRoot } from '../trust';

export interface ModelEntry {
  /** The model's folder: `<root>/<data path>/<column>/`. */
  dir: vscode.Uri;
  /** The folder and its workspace folder, as the worker's store checks them. */
  place: ModelPlace;
  /** The data file it was trained on (it may since have been moved or deleted). */
  data: vscode.Uri;
  column: string;
  cell: string;
  units?: number;
  layers?: number;
  window?: number;
  /** Validation MASE, when meta.json has it. */
  mase?: number;
  /** The plain method that forecast better than the model on validation (meta.json's check.better), if one did. */
  better?: 'naive' | 'seasonalNaive' | 'theta';
  created?: Date;
  /** The model's last backtest (backtest.json), if it had one. */
  backtest?: BacktestReport;
  /** A model of many series (or with features): the series it knows, by name, in meta.json's order. */
  series?: string[];
  /** A long file's key column, when the model was trained on its series. */
  seriesColumn?: string;
  /** A wide file's columns, each one series. */
  columns?: string[];
  /** Covariate columns fed beside the series. */
  features?: string[];
  /** The key the training code uses for a run: data URI + NUL + column. */
  key: string;
  /**
   * meta.json's size in bytes when it is over the loader's cap (LIMITS.metaJson) and so was not read: the data file
   * and column are then only what the folder names say, and nothing else is known.
   */
  tooLarge?: number;
}

/** Deeper than any sane data path; bounds the walk if the root holds something unexpected. */
const MAX_DEPTH = 12;

export async function listModels(): Promise<ModelEntry[]> {
  const out: ModelEntry[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const root = modelRoot(folder);
    if (await existsBelow(folder.uri, root)) await walk(root, [], folder, out);
  }
  return out.sort((a, b) => a.data.path.localeCompare(b.data.path) || a.column.localeCompare(b.column));
}

/** The models trained on one data file. */
export async function modelsFor(data: vscode.Uri): Promise<ModelEntry[]> {
  return (await listModels()).filter((m) => m.data.toString() === data.toString());
}

/** meta.json's dataFile: relative to the workspace folder (and inside it), or an absolute path outside any folder. */
function dataFileOf(folder: vscode.WorkspaceFolder, dataFile: unknown): vscode.Uri | undefined {
  if (typeof dataFile !== 'string' || dataFile === '') return undefined;
  if (isInsideRelative(dataFile))
    return vscode.Uri.joinPath(folder.uri, ...dataFile.split(/[\\/]+/).filter(Boolean));
  return /^(\/|[A-Za-z]:[\\/])/.test(dataFile) ? vscode.Uri.file(dataFile) : undefined;
}

export async function readModel(
  dir: vscode.Uri,
  folder: vscode.WorkspaceFolder,
  /** Whether the folder lists a backtest.json (reading a missing file makes VS Code log a stack trace). */
  hasBacktest = true,
  /** The folder names from the model root down to `dir`, for a meta.json too large to read. */
  segments: string[] = [],
): Promise<ModelEntry | undefined> {
  const file = vscode.Uri.joinPath(dir, 'meta.json');
  let meta: unknown;
  try {
    // This runs on the extension host's one thread: the loader's cap bounds what one model may cost it.
    const { size } = await vscode.workspace.fs.stat(file);
    if (size > LIMITS.metaJson) return tooLargeEntry(dir, folder, segments, size);
    const bytes = await vscode.workspace.fs.readFile(file);
    if (bytes.byteLength > LIMITS.metaJson) return tooLargeEntry(dir, folder, segments, bytes.byteLength);
    meta = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(meta)) return undefined;
  // The data file and column come from meta.json only: folder names are encoded, and cut when long.
  const column = str(meta.column);
  const data = dataFileOf(folder, meta.dataFile);
  if (column === undefined || !data) return undefined;
  const config = isRecord(meta.config) ? meta.config : {};
  return {
    dir,
    place: { base: folder.uri.fsPath, dir: dir.fsPath },
    data,
    column,
    cell: str(config.cell) ?? str(meta.cell) ?? '?',
    units: num(config.units),
    layers: num(config.layers),
    window: num(config.window) || num(meta.window),
    mase: valMase(meta.metrics),
    ...betterOf(meta.check),
    created: date(meta.created ?? meta.createdAt),
    backtest: hasBacktest ? await loadBacktest({ base: folder.uri.fsPath, dir: dir.fsPath }) : undefined,
    key: `${data.toString()}\u0000${column}`,
    ...seriesFields(meta),
  };
}

/**
 * A model whose meta.json is over the cap: listed (so the user sees it and can delete it) but not read. The data file
 * and column are the folder names decoded as far as they go (a cut name stays as written).
 */
function tooLargeEntry(
  dir: vscode.Uri,
  folder: vscode.WorkspaceFolder,
  segments: string[],
  size: number,
): ModelEntry {
  const names = segments.map((s) => (s === '%5Fexternal' ? '_external' : (decodeSegment(s) ?? s)));
  const column = names.at(-1) ?? dir.path.slice(dir.path.lastIndexOf('/') + 1);
  const parts = names.slice(0, -1);
  // store/paths.ts: a file outside the workspace folder is kept below `_external/<absolute path>`.
  const data =
    segments[0] === '_external'
      ? vscode.Uri.file('/' + parts.slice(1).join('/'))
      : parts.length > 0
        ? vscode.Uri.joinPath(folder.uri, ...parts)
        : vscode.Uri.joinPath(dir, '..');
  return {
    dir,
    place: { base: folder.uri.fsPath, dir: dir.fsPath },
    data,
    column,
    cell: '?',
    key: `${data.toString()}\u0000${column}`,
    tooLarge: size,
  };
}

async function walk(
  dir: vscode.Uri,
  segments: string[],
  folder: vscode.WorkspaceFolder,
  out: ModelEntry[],
): Promise<void> {
  if (segments.length > MAX_DEPTH) return;
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return;
  }
  if (entries.some(([name, type]) => name === 'meta.json' && type === vscode.FileType.File)) {
    const hasBacktest = entries.some(
      ([name, type]) => name === 'backtest.json' && type === vscode.FileType.File,
    );
    const model = await readModel(dir, folder, hasBacktest, segments);
    if (model) out.push(model);
    return;
  }
  for (const [name, type] of entries) {
    // Symlinks are not followed: a model root must not lead the walk outside the workspace.
    // Dot-folders are a save's temp and backup folders (`.<name>.tmp-*`, `.old-*`), never models.
    if (type !== vscode.FileType.Directory || !isModelFolderName(name)) continue;
    await walk(vscode.Uri.joinPath(dir, name), [...segments, name], folder, out);
  }
}

/**
 * Whether `dir` exists, found by listing its parents from `base` down: reading a missing folder directly makes the
 * extension host log a stack trace, and most workspaces have no model folder at all.
 */
async function existsBelow(base: vscode.Uri, dir: vscode.Uri): Promise<boolean> {
  const segments = dir.path.slice(base.path.replace(/\/+$/, '').length).split('/').filter(Boolean);
  let at = base;
  for (const name of segments) {
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(at);
    } catch {
      return false;
    }
    if (!entries.some(([n, type]) => n === name && type === vscode.FileType.Directory)) return false;
    at = vscode.Uri.joinPath(at, name);
  }
  return true;
}

/** Only well-typed names survive: meta.json comes from the workspace. */
function seriesFields(meta: Record<string, unknown>): Partial<ModelEntry> {
  const names = Array.isArray(meta.series)
    ? meta.series.map((s) => (isRecord(s) ? str(s.name) : undefined)).filter((n) => n !== undefined)
    : [];
  const columns = strings(meta.columns);
  const features = strings(meta.features);
  const seriesColumn = str(meta.seriesColumn);
  return {
    ...(names.length > 0 && { series: names }),
    ...(seriesColumn !== undefined && { seriesColumn }),
    ...(columns.length > 0 && { columns }),
    ...(features.length > 0 && { features }),
  };
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str).filter((s) => s !== undefined) : [];
}

/** meta.json's check.better, when it names a method the tree can show. */
function betterOf(check: unknown): Pick<ModelEntry, 'better'> {
  const b = isRecord(check) ? check.better : undefined;
  return b === 'naive' || b === 'seasonalNaive' || b === 'theta' ? { better: b } : {};
}

/** meta.metrics may be `{ val: {mase} }` or `{ mase }`. */
function valMase(metrics: unknown): number | undefined {
  if (!isRecord(metrics)) return undefined;
  if (isRecord(metrics.val)) return num(metrics.val.mase);
  return num(metrics.mase);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function date(v: unknown): Date | undefined {
  const d = typeof v === 'string' || typeof v === 'number' ? new Date(v) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
