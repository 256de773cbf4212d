import type { Problem } from '../../../shared/api/errors';
import { emptyDocument } from '../../../shared/twin/empty-document';
import type { TwinDocument } from '../../../shared/twin/schema';
import type { SessionSource } from '../../../shared/twin/source-resolution';
import type { TwinState } from '../../../shared/twin/state';
import { createDocumentStore } from '../../stores/document-store';
import { createViewStore } from '../../stores/view-store';
import type { Editor, EditorApi } from '../editor';
import { editorCommands } from '../editor-command-list';

/**
 * An editor of its own for a test, without a DOM (after tldraw's TestEditor): a fresh document store and
 * history, a fresh view store, the session's sources as given, and everything said to the user kept to
 * read back. Commands run by id, exactly as menus, shortcuts and the inspector run them.
 */
export class TestEditor implements Editor {
  readonly doc;
  readonly view = createViewStore();
  readonly api: EditorApi;
  readonly said: { text: string; tone: 'info' | 'error' }[] = [];
  readonly problems: { title: string; message: string; problems: readonly Problem[] }[] = [];
  readonly files: { name: string; text: string; type: string }[] = [];
  private ids = 0;

  constructor(
    document: TwinDocument = emptyDocument('test'),
    private readonly sources: readonly SessionSource[] = [{ id: 'local', kind: 'local', name: 'Local store', location: '/tmp/local' }],
    private readonly chosen: Record<string, string> = {},
    api: Partial<EditorApi> = {},
  ) {
    this.doc = createDocumentStore(document);
    this.api = {
      seriesStats: api.seriesStats ?? (() => Promise.reject(new Error('This test editor has no host API (seriesStats).'))),
    };
  }

  sessionSources(): readonly SessionSource[] {
    return this.sources;
  }
  chosenSources(): Readonly<Record<string, string>> {
    return this.chosen;
  }
  say(text: string, tone: 'info' | 'error' = 'info'): void {
    this.said.push({ text, tone });
  }
  showProblems(title: string, message: string, problems: readonly Problem[]): void {
    this.problems.push({ title, message, problems });
  }
  saveText(name: string, text: string, type: string): void {
    this.files.push({ name, text, type });
  }
  newId(prefix: string): string {
    return `${prefix}-t${++this.ids}`;
  }

  /** Run a command by id with its arguments; false when it is unknown or not enabled. */
  async run(id: string, args?: unknown): Promise<boolean> {
    const c = editorCommands.find((x) => x.id === id);
    if (!c) throw new Error(`No editor command "${id}".`);
    if (c.enabled && !c.enabled(this, args)) return false;
    await c.perform(this, args);
    return true;
  }

  get twin(): TwinState {
    return this.doc.getState().twin;
  }
  undo(): void {
    this.doc.getState().undo();
  }
  redo(): void {
    this.doc.getState().redo();
  }
  /** The last thing said to the user. */
  get lastSaid(): string | undefined {
    return this.said[this.said.length - 1]?.text;
  }
}
