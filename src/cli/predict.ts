/** `seqlab predict`: placeholder until the model core lands. Returns the process exit code. */
export async function run(_argv: string[]): Promise<number> {
  process.stderr.write('seqlab predict: not implemented yet\n');
  return 2;
}
