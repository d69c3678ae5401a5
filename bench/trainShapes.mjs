// The training workloads shared by bench/workloads/w1–w3.mjs and bench/pytorch/train.py (which gets them as
// arguments), so both sides time the same shapes: cell, units, window, batch, windows per epoch.
export const SHAPES = {
  w1: { cell: 'gru', units: 16, window: 24, batch: 128, windows: 4096 },
  w2: { cell: 'gru', units: 64, window: 50, batch: 64, windows: 2000 },
  w3: { cell: 'lstm', units: 128, window: 100, batch: 64, windows: 640 },
};
