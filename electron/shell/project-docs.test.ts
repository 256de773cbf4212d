import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Issue 7, finding 7 (the docs): the README and the project's docs send readers only to files inside the
 * project (they pointed at ../shared/DESIGN.md, which a clone does not have), the architecture guide exists,
 * and the README says what the browser app has instead of the native menus.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const DOCS = ['README.md', 'docs/architecture.md'];

describe('project docs', () => {
  it.each(DOCS)('%s links and names only files inside the project, and every link resolves', (doc) => {
    const text = readFileSync(path.join(ROOT, doc), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared\/|DESIGN\.md/);
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1] as string).filter((l) => !/^[a-z]+:/.test(l));
    for (const link of links) {
      const target = path.resolve(path.dirname(path.join(ROOT, doc)), link);
      expect(target.startsWith(ROOT + path.sep), link).toBe(true);
      expect(existsSync(target), link).toBe(true);
    }
  });

  it('the README links the architecture guide and maps the desktop menus to the browser app’s buttons', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('[docs/architecture.md](docs/architecture.md)');
    expect(readme).toMatch(/File → Import Historian Data… \| \*\*Sensors\*\* tab → \*\*Import…\*\*/);
    const guide = readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
    for (const heading of ['## The layers', '### Who may import whom', '## One request, from a component to a source', '## Where each kind of code goes'])
      expect(guide).toContain(heading);
  });
});
