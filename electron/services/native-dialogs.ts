/** The host's file dialogs; null in the web host, where the renderer shows its own. */
export interface NativeDialogs {
  chooseOpen(): Promise<string | null>;
  chooseSave(suggestedName: string, defaultFolder: string): Promise<string | null>;
  /** Historian exports to import (CSV or line protocol): files, or one folder of them; empty when cancelled. */
  chooseImport(folder?: boolean): Promise<string[]>;
}
