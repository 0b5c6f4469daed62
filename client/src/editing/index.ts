/** The word-processor tools of the workspace: formatting toolbar, search, shortcuts, active editor. */
export { EditingBar } from './editing-bar';
export { editingPlugins, editingSession } from './editing-session';
export { SHORTCUTS, shortcutLabel } from './shortcuts';
