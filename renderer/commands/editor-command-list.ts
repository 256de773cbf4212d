import { bindingCommands } from '../features/bindings/binding-commands';
import type { EditorCommand } from './registry';

/** Every command that acts on an editor object: the app registers them with its editor, tests run them on their own. */
export const editorCommands: readonly EditorCommand[] = [...bindingCommands];
