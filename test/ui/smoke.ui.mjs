import assert from 'node:assert';
import { describe, it } from 'mocha';
import { useWorkbench } from './harness.mjs';

describe('SeqLab in the browser workbench', function () {
  const vs = useWorkbench();

  it('offers "Train RNN on This File" when a CSV file is right-clicked', async () => {
    const entries = await vs.rightClick('sine.csv');
    await vs.screenshot('explorer-menu-dark');
    await vs.closeMenu();
    assert.ok(entries.includes('Train RNN on This File'), entries.join(' | '));
  });

  it('offers it on a JSON series too', async () => {
    const entries = await vs.rightClick('series.json');
    await vs.closeMenu();
    assert.ok(entries.includes('Train RNN on This File'), entries.join(' | '));
  });

  it('does not offer it on a Markdown file', async () => {
    const entries = await vs.rightClick('README.md');
    await vs.closeMenu();
    assert.ok(entries.length > 0 && !entries.includes('Train RNN on This File'), entries.join(' | '));
  });

  it('lists the SeqLab output channel once the SeqLab view has activated the extension', async () => {
    await vs.page.locator('.activitybar .action-item .action-label[aria-label^="SeqLab"]').first().click();
    await vs.page
      .locator('.pane-header', { hasText: /Models/i })
      .first()
      .waitFor();
    // VS Code draws the view's header before it activates SeqLab, and the channel picker lists only the channels that
    // exist when it opens. The Hidden States page exists only once activate() (which creates the channel first) has run.
    await vs.findWebviewFrame('Hidden States', { timeoutMs: 60_000 });
    await vs.runCommand('Output: Show Output Channels...');
    await vs.pickQuickItem('SeqLab'); // throws when no channel of that name exists
    const picker = vs.page.locator('.panel select.monaco-select-box').first();
    await picker.waitFor({ state: 'attached' });
    const shown = await picker.evaluate((e) => e.options[e.selectedIndex]?.text);
    await vs.screenshot('output-channel-dark');
    assert.strictEqual(shown, 'SeqLab');
  });

  it('shows the menu entry in a light theme as well', async () => {
    await vs.setTheme('Default Light Modern');
    const entries = await vs.rightClick('sine.csv');
    await vs.screenshot('explorer-menu-light');
    await vs.closeMenu();
    assert.ok(entries.includes('Train RNN on This File'), entries.join(' | '));
  });
});
