/** A cell as people name it: SimpleRNN, GRU, LSTM. */
export function cellName(cell: string): string {
  return cell === 'rnn' ? 'SimpleRNN' : cell.toUpperCase();
}
