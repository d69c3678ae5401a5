/**
 * The last few lines of something that may say a lot: a webview can report an error on every frame, and a panel
 * open for hours must not keep them all. Pure, so it is tested without VS Code.
 */

/** Errors a panel keeps of its webview: enough to see what went wrong, bounded whatever the page does. */
export const KEPT_WEBVIEW_ERRORS = 100;

/** Longer lines are cut: a message is webview text, and one of them must not hold megabytes either. */
export const MAX_LINE = 500;

export class RecentLines {
  private readonly kept: string[] = [];
  /** Lines pushed out to keep the list at `max`. */
  dropped = 0;

  constructor(private readonly max: number) {}

  push(line: string): void {
    this.kept.push(line.slice(0, MAX_LINE));
    if (this.kept.length > this.max) {
      this.kept.splice(0, this.kept.length - this.max);
      this.dropped++;
    }
  }

  /** The kept lines, oldest first, preceded by one that counts the dropped ones when there are any. */
  lines(): string[] {
    return this.dropped > 0 ? [`(${this.dropped} earlier errors not kept)`, ...this.kept] : [...this.kept];
  }

  get size(): number {
    return this.kept.length;
  }
}
