import type { SessionSource } from '../../shared/twin/source-resolution';
import { getApi } from '../api/client';
import { newId } from '../editor/id';
import { useSourceChoice } from '../features/bindings/source-choice-store';
import { documentStore } from '../stores/document-store';
import { useNotice } from '../stores/notice-store';
import { useSources } from '../stores/sources-store';
import { useView } from '../stores/view-store';
import type { Editor } from './editor';

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The app's editor: its document and view stores, the host API, and the status line and dialogs. */
export const appEditor: Editor = {
  doc: documentStore,
  view: useView,
  get api() {
    return getApi();
  },
  sessionSources: (): SessionSource[] => useSources.getState().sources,
  chosenSources: () => useSourceChoice.getState().chosen,
  say: (text, tone = 'info') => useNotice.getState().say(text, tone),
  showProblems: (title, message, problems) => {
    useNotice.getState().show({ kind: 'error', title, message, problems: [...problems] });
    useNotice.getState().say(title, 'error');
  },
  saveText: download,
  newId,
};
