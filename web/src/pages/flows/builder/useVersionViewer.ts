/**
 * Looking at an old version: which one, its definition, and a selection of its own. Its canvas
 * and side panel get operations that only select, so nothing in an old version can be changed.
 */
import { useMemo, useState } from 'react';
import { useFlowVersion } from '../../../api/flows.ts';
import type { Selection } from './model/editorReducer.ts';
import type { EditorOps } from './useFlowEditor.ts';

const nothing = () => undefined;

export function useVersionViewer(storeId: string, flowId: string | undefined) {
  const [version, setVersion] = useState<number | null>(null);
  const [selected, setSelected] = useState<Selection>(null);
  const q = useFlowVersion(storeId, flowId, version);
  const ops = useMemo<EditorOps>(() => ({
    reset: nothing, replace: nothing, add: nothing, addAfter: nothing, update: nothing, remove: nothing, connect: nothing,
    setFlow: nothing, move: nothing, checkpoint: nothing, undo: nothing, redo: nothing,
    select: setSelected,
    deselect: (kind, id) => setSelected((s) => (s?.kind === kind && s.id === id ? null : s)),
  }), []);
  return {
    version,
    def: version === null ? undefined : q.data,
    error: q.error,
    selected,
    ops,
    view: (v: number) => {
      setSelected(null);
      setVersion(v);
    },
    back: () => setVersion(null),
  };
}
