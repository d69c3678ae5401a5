/** A webview's string bag as a schema: exactly its keys, each a string, so a missing or unknown key is caught. */
import * as v from 'valibot';

export function stringsOf<const K extends readonly string[]>(keys: K) {
  return v.strictObject(
    Object.fromEntries(keys.map((k) => [k, v.string()])) as { [P in K[number]]: v.StringSchema<undefined> },
  );
}
