/** A canvas sized for the screen's pixel ratio, cleared, and drawn on in CSS pixels. */
export function sizedContext(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  /** null leaves the element's CSS width as the stylesheet sets it. */
  cssWidth: string | null = '100%',
): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  if (cssWidth !== null) canvas.style.width = cssWidth;
  canvas.style.height = `${height}px`;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}
