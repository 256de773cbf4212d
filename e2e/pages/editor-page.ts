import { expect, type Locator, type Page } from '@playwright/test';

/** What the end-to-end tests do with the editor, in the user's terms (roles and names from docs/architecture.md, "The accessibility contract"). */
export class EditorPage {
  readonly palette: Locator;
  readonly inspector: Locator;
  readonly canvas: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('region', { name: 'Component palette' });
    this.inspector = page.getByRole('region', { name: 'Inspector' });
    this.canvas = page.locator('.react-flow__pane');
    this.status = page.getByTestId('status');
  }

  node(tag: string): Locator {
    return this.page.locator(`.react-flow__node:has([data-asset-tag="${tag}"])`);
  }

  port(tag: string, port: string): Locator {
    return this.node(tag).locator(`.react-flow__handle[data-port="${port}"]`);
  }

  edges(): Locator {
    return this.page.locator('.connection');
  }

  async command(label: string): Promise<void> {
    await this.page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: label, exact: true }).click();
  }

  /** Drag a palette item onto the canvas at a point relative to the canvas' top-left corner. */
  async dragFromPalette(name: string, x: number, y: number): Promise<void> {
    await this.palette.getByRole('button', { name, exact: true }).dragTo(this.canvas, { targetPosition: { x, y } });
  }

  /** Draw a line from one port to another with the mouse. */
  async connect(fromTag: string, fromPort: string, toTag: string, toPort: string): Promise<void> {
    const a = await this.port(fromTag, fromPort).boundingBox();
    const b = await this.port(toTag, toPort).boundingBox();
    if (!a || !b) throw new Error(`Port ${fromTag}.${fromPort} or ${toTag}.${toPort} is not on screen`);
    const m = this.page.mouse;
    await m.move(a.x + a.width / 2, a.y + a.height / 2);
    await m.down();
    await m.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 5 });
    await m.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await m.up();
  }

  /** Click the middle of the nth line. */
  async clickLine(n: number): Promise<void> {
    const at = await this.page
      .locator('.connection__line')
      .nth(n)
      .evaluate((path: SVGPathElement) => {
        const pt = path.getPointAtLength(path.getTotalLength() / 2);
        const m = path.getScreenCTM();
        if (!m) throw new Error('The line is not rendered');
        return { x: pt.x * m.a + m.e, y: pt.y * m.d + m.f };
      });
    await this.page.mouse.click(at.x, at.y);
  }

  async select(tag: string): Promise<void> {
    await this.node(tag).click();
    await expect(this.node(tag)).toHaveClass(/selected/);
  }

  inspectorField(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  /** Press a shortcut with the canvas focused (not a text field). */
  async shortcut(keys: string): Promise<void> {
    await this.canvas.click({ position: { x: 5, y: 5 } });
    await this.page.keyboard.press(keys);
  }

  async tags(): Promise<string[]> {
    const tags = await this.page.locator('.react-flow__node [data-asset-tag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-asset-tag') ?? ''));
    return tags.sort();
  }
}
