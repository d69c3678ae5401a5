/** The plain data types every room shares (the core, the worker, the host, the webviews), inferred from ./schema. */
export type { TrainConfig, CellType, ScalerKind } from './schema/config';
export type {
  Metrics,
  Baselines,
  EpochReport,
  BatchReport,
  HiddenStates,
  ValidationTrace,
  Forecast,
  ColumnSummary,
  Problem,
  Layout,
  RunState,
  WireSource,
} from './schema/data';
