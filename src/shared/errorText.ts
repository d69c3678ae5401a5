/** The first line of an error's message: every error a user sees is one line, never a stack, never empty. */
export function errorText(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].trim().slice(0, 1000) || 'unknown error';
}
