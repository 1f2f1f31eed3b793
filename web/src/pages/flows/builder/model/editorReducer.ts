/**
 * The builder's state: the definition being edited (the one document the canvas, the side panel
 * and the save all read), what is selected, and undo/redo. Edits are functions of the current
 * definition, so two quick edits never overwrite each other with a stale copy.
 */
import type { FlowDefinition } from '../../../../api/flows.ts';
import { mapNode, type XY } from './graph.ts';

export type Selection = { kind: 'node' | 'edge'; id: string } | null;

export interface EditorState {
  def: FlowDefinition;
  selected: Selection;
  past: FlowDefinition[];
  future: FlowDefinition[];
  /** typing into one field is one undo step, not one per key */
  lastEdit: string | null;
}

export type EditorAction =
  | { type: 'reset'; def: FlowDefinition }
  | { type: 'edit'; change: (def: FlowDefinition) => FlowDefinition; select?: Selection; coalesce?: string }
  | { type: 'move'; id: string; position: XY }
  | { type: 'checkpoint' }
  | { type: 'select'; selection: Selection }
  | { type: 'deselect'; kind: 'node' | 'edge'; id: string }
  | { type: 'undo' }
  | { type: 'redo' };

const HISTORY = 100;

export const initialEditor = (def: FlowDefinition): EditorState => ({ def, selected: null, past: [], future: [], lastEdit: null });

const record = (s: EditorState): Pick<EditorState, 'past' | 'future'> => ({ past: [...s.past.slice(-HISTORY + 1), s.def], future: [] });

/** A selection that points at a node or link that no longer exists is dropped. */
function stillThere(def: FlowDefinition, sel: Selection): Selection {
  if (!sel) return null;
  if (sel.kind === 'node') return def.nodes.some((n) => n.id === sel.id) ? sel : null;
  const [source] = sel.id.split(':');
  return def.nodes.some((n) => n.id === source) ? sel : null;
}

export function editorReducer(s: EditorState, a: EditorAction): EditorState {
  switch (a.type) {
    case 'reset':
      return initialEditor(a.def);
    case 'edit': {
      const def = a.change(s.def);
      if (def === s.def) return s;
      const same = a.coalesce !== undefined && a.coalesce === s.lastEdit;
      return { ...s, ...(same ? {} : record(s)), def, selected: stillThere(def, a.select === undefined ? s.selected : a.select), lastEdit: a.coalesce ?? null };
    }
    case 'move':
      return { ...s, def: mapNode(s.def, a.id, (n) => ({ ...n, position: { x: Math.round(a.position.x), y: Math.round(a.position.y) } })), lastEdit: null };
    case 'checkpoint':
      return { ...s, ...record(s), lastEdit: null };
    case 'select':
      return { ...s, selected: a.selection, lastEdit: null };
    case 'deselect':
      return s.selected?.kind === a.kind && s.selected.id === a.id ? { ...s, selected: null } : s;
    case 'undo': {
      const prev = s.past[s.past.length - 1];
      if (!prev) return s;
      return { ...s, def: prev, past: s.past.slice(0, -1), future: [s.def, ...s.future], selected: stillThere(prev, s.selected), lastEdit: null };
    }
    case 'redo': {
      const [next, ...rest] = s.future;
      if (!next) return s;
      return { ...s, def: next, past: [...s.past, s.def], future: rest, selected: stillThere(next, s.selected), lastEdit: null };
    }
  }
}
