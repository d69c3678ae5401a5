/** Guesses a delimited file's delimiter and line ending from its first lines. */

const CANDIDATES = [',', ';', '\t', '|'];
const SAMPLE_LINES = 30;

/** Counts a delimiter per line outside quotes, for the first non-blank lines of `head`. */
function countsPerLine(head: string, delimiter: string): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let n = 0;
  let blank = true;
  for (let i = 0; i < head.length && counts.length < SAMPLE_LINES; i++) {
    const ch = head[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (ch === delimiter) n++;
    else if (ch === '\n' || ch === '\r') {
      if (!blank) counts.push(n);
      n = 0;
      blank = true;
      continue;
    }
    if (ch !== '\r' && ch !== ' ') blank = false;
  }
  return counts;
}

/**
 * The candidate that appears the same number of times (at least once) on the most lines wins; ties go to the
 * higher count, then to the order `,` `;` tab `|`. With no candidate at all the file is one column.
 */
export function sniffDelimiter(head: string): string {
  let best = ',';
  let bestScore = 0;
  let bestCount = 0;
  for (const d of CANDIDATES) {
    // The last sampled line may be cut off by the chunk boundary, so it does not vote.
    const counts = countsPerLine(head, d).slice(0, SAMPLE_LINES - 1);
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 0) tally.set(c, (tally.get(c) ?? 0) + 1);
    for (const [count, lines] of tally) {
      if (lines > bestScore || (lines === bestScore && count > bestCount)) {
        best = d;
        bestScore = lines;
        bestCount = count;
      }
    }
  }
  return best;
}

/** The first line's ending: \n, \r\n, or \r alone (old Mac exports). */
export function sniffLineEnding(head: string): '\n' | '\r\n' | '\r' {
  const i = head.search(/[\r\n]/);
  if (i < 0 || head[i] === '\n') return '\n';
  // A \r as the chunk's last character is taken for the start of a \r\n.
  return i + 1 === head.length || head[i + 1] === '\n' ? '\r\n' : '\r';
}
