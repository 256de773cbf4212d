/** The host's file dialogs; null in the web host, where the renderer shows its own. */
export interface NativeDialogs {
  chooseOpen(): Promise<string | null>;
  chooseSave(suggestedName: string, defaultFolder: string): Promise<string | null>;
  /** A historian export to import (CSV or line protocol). */
  chooseImport(): Promise<string | null>;
}
