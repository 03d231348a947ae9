/**
 * What the screens share: who the analyst is (sent as `by` with every change), a counter that moves after
 * every change so screens reload, the undo stack and the notice line.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export interface UndoEntry {
  /** What the change was, for the button's label. */
  readonly label: string;
  readonly undo: () => Promise<void>;
}

export interface Workspace {
  readonly user: string;
  setUser(name: string): void;
  /** Moves after every change made in this tab. */
  readonly version: number;
  changed(): void;
  pushUndo(entry: UndoEntry): void;
  undoLast(): Promise<void>;
  readonly canUndo: boolean;
  notify(message: string): void;
}

export const WorkspaceContext = createContext<Workspace>({
  user: 'analyst',
  setUser: () => {},
  version: 0,
  changed: () => {},
  pushUndo: () => {},
  undoLast: async () => {},
  canUndo: false,
  notify: () => {},
});

export const useWorkspace = () => useContext(WorkspaceContext);
