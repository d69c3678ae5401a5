// The training panel as a person reaches it: through the Explorer's context menu, then its webview document.
import assert from 'node:assert';

export const TRAIN = 'Train RNN on This File';

/** True when the canvas has at least one painted pixel. */
export async function painted(frame, selector) {
  return frame
    .locator(selector)
    .first()
    .evaluate((c) => {
      const ctx = c.getContext('2d');
      if (!ctx || c.width === 0 || c.height === 0) return false;
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      return false;
    });
}

/**
 * The training panel's document, found by the text of its <h1> (which holds the panel title). The webview's inner
 * frame may keep the name "pending-frame" after it loaded, so frames are matched by content, not by name.
 */
export async function panelFrame(vs, titlePart, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const outer of await vs.page.locator('iframe.webview').elementHandles()) {
      // Frames come and go while the workbench (re)loads: a detached one is simply not the panel.
      const inner = (await outer.contentFrame().catch(() => null))?.childFrames() ?? [];
      for (const f of inner) {
        const h1 = await f
          .locator('header h1')
          .textContent({ timeout: 250 })
          .catch(() => null);
        if (h1?.includes(titlePart)) return f;
      }
    }
    if (Date.now() > deadline)
      throw new Error(`no training panel titled "${titlePart}" within ${timeoutMs / 1000} s`);
    await vs.page.waitForTimeout(250);
  }
}

/**
 * Right-click → "Train RNN on This File". On a loaded machine the click sometimes lands while the menu is still
 * settling and the menu stays open with the entry highlighted; Enter then activates that same entry.
 */
export async function trainFromMenu(vs, name) {
  const entries = await vs.rightClick(name);
  assert.ok(entries.includes(TRAIN), entries.join(' | '));
  await vs.chooseMenuEntry(TRAIN);
  const menu = vs.page.locator('.context-view .monaco-menu');
  const closed = await menu.waitFor({ state: 'hidden', timeout: 3000 }).then(
    () => true,
    () => false,
  );
  if (!closed) {
    await vs.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden' });
  }
}
