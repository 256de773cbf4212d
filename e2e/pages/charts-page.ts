import { expect, type Locator, type Page, type Request } from '@playwright/test';

/** The body of a queryWindows call as the renderer sent it. */
export interface WindowsCall {
  source: string;
  keys: string[];
  from: number;
  to: number;
  n: number;
  stats?: string[];
  channel?: string;
}

/** What the figure says about the data on its canvas (DESIGN.md: the Charts region and its figures). */
export interface DrawnWindows {
  from: number;
  to: number;
  windows: number;
  windowMs: number;
}

/** The Charts dock, in the user's terms. */
export class ChartsPage {
  readonly region: Locator;
  readonly figure: Locator;
  /** uPlot's plot area: one device pixel column per window. */
  readonly plotArea: Locator;
  readonly calls: WindowsCall[] = [];

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Charts' });
    this.figure = this.region.getByRole('figure');
    this.plotArea = this.figure.locator('.u-over');
    page.on('request', (r: Request) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/api/queryWindows')) this.calls.push(r.postDataJSON() as WindowsCall);
    });
  }

  legendRow(seriesKey: string): Locator {
    return this.region.locator(`tr[data-series="${seriesKey.replace(/["\\]/g, '\\$&')}"]`);
  }

  /** Wait until the figure has drawn data for a load other than `previous` (its from and window width). */
  async drawn(previous?: DrawnWindows): Promise<DrawnWindows> {
    await expect(this.figure).toHaveAttribute('data-state', 'ready', { timeout: 60_000 });
    if (previous) {
      await expect
        .poll(async () => {
          const d = await this.read();
          return d.from !== previous.from || d.windowMs !== previous.windowMs || d.windows !== previous.windows;
        })
        .toBe(true);
      await expect(this.figure).toHaveAttribute('data-state', 'ready');
    }
    return this.read();
  }

  async read(): Promise<DrawnWindows> {
    const d = await this.figure.evaluate((e) => ({ ...(e as HTMLElement).dataset }));
    return { from: Number(d.from), to: Number(d.to), windows: Number(d.windows), windowMs: Number(d.windowMs) };
  }

  /** The plot area's width in device pixels. */
  async plotWidthPx(): Promise<number> {
    return this.plotArea.evaluate((e) => Math.round(e.getBoundingClientRect().width * window.devicePixelRatio));
  }

  async cursor(): Promise<number | null> {
    const v = await this.region.getAttribute('data-cursor');
    return v === null ? null : Number(v);
  }

  /** The instant under the drawn cursor line, read from where the line is on the plot. */
  async cursorLineInstant(): Promise<number> {
    const d = await this.read();
    const x = await this.plotArea.evaluate((over) => {
      const line = over.querySelector<HTMLElement>('.trend__cursor');
      if (!line || line.hidden) return null;
      return line.getBoundingClientRect().left + line.getBoundingClientRect().width / 2 - over.getBoundingClientRect().left;
    });
    if (x === null) throw new Error('The chart draws no cursor line');
    const dpr = await this.page.evaluate(() => window.devicePixelRatio);
    return d.from + x * dpr * d.windowMs;
  }
}
