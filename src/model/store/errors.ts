/** A model folder that cannot be written or trusted; the message names the file and what is wrong. */
export class StoreError extends Error {
  constructor(
    readonly file: string,
    readonly what: string,
  ) {
    super(`${file}: ${what}`);
    this.name = 'StoreError';
  }
}
