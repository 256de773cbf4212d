import type { MethodInput, MethodOutput } from '../../shared/api/contract';
import type { Problem } from '../../shared/api/errors';
import type { SessionSource } from '../../shared/twin/source-resolution';
import type { DocumentStore } from '../stores/document-store';
import type { ViewStore } from '../stores/view-store';

/** The part of the host API commands use; tests give a real one or leave methods out. */
export interface EditorApi {
  seriesStats(input: MethodInput<'seriesStats'>): Promise<MethodOutput<'seriesStats'>>;
}

/**
 * What a command acts on: the document (with its undo history), the view (selection), the host API and
 * what the session knows of its sources, and ways to tell the user. The app has one; tests make their own.
 */
export interface Editor {
  readonly doc: DocumentStore;
  readonly view: ViewStore;
  readonly api: EditorApi;
  /** The connections of this session. */
  sessionSources(): readonly SessionSource[];
  /** Which connection the user chose for a project source, where matching could not tell. */
  chosenSources(): Readonly<Record<string, string>>;
  say(text: string, tone?: 'info' | 'error'): void;
  /** Show what went wrong in a dialog, each problem with where it is. */
  showProblems(title: string, message: string, problems: readonly Problem[]): void;
  /** Hand a text file to the user (a download in the browser, a save in the desktop app). */
  saveText(fileName: string, text: string, type: string): void;
  newId(prefix: string): string;
}
