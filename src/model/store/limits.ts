/** The byte caps on a model folder's files, in one place: the loader applies them, and the Models list reads meta.json within the same cap. */
export const LIMITS = { modelJson: 1 << 20, metaJson: 4 << 20, weights: 256 << 20 };
