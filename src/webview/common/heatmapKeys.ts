/**
 * The heatmap's keyboard: arrows move the cursor, Shift+Left/Right grow a brushed time range from where it started,
 * Escape drops the range, Enter/Space chooses the row (or, with a range brushed and a brush handler, runs it).
 */
export interface KeyState {
  cursor: { row: number; col: number };
  /** Brushed columns [anchor, cursor.col] in either order; undefined when none. */
  anchor?: number;
}

export type KeyAction = 'moved' | 'choose' | 'brush' | 'clear' | undefined;

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** Updates `s` in place for key `e` over rows × cols; undefined when the key is not the heatmap's. */
export function applyKey(
  s: KeyState,
  e: Pick<KeyboardEvent, 'key' | 'shiftKey'>,
  rows: number,
  cols: number,
): KeyAction {
  const c = s.cursor;
  if (e.key in MOVES) {
    const [dr, dc] = MOVES[e.key];
    if (e.shiftKey && dc !== 0) s.anchor ??= c.col;
    else if (!e.shiftKey) s.anchor = undefined;
    c.row = clamp(c.row + dr, 0, rows - 1);
    c.col = clamp(c.col + dc, 0, cols - 1);
    return 'moved';
  }
  if (e.key === 'Home' || e.key === 'End') {
    if (e.shiftKey) s.anchor ??= c.col;
    else s.anchor = undefined;
    c.col = e.key === 'Home' ? 0 : cols - 1;
    return 'moved';
  }
  if (e.key === 'Escape' && s.anchor !== undefined) {
    s.anchor = undefined;
    return 'clear';
  }
  if (e.key === 'Enter' || e.key === ' ')
    return s.anchor !== undefined && s.anchor !== c.col ? 'brush' : 'choose';
  return undefined;
}

/** The brushed columns, first and last inclusive. */
export function brushed(s: KeyState): { from: number; to: number } | undefined {
  if (s.anchor === undefined) return undefined;
  return { from: Math.min(s.anchor, s.cursor.col), to: Math.max(s.anchor, s.cursor.col) };
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
