/**
 * Adding a step from the palette: at a given point (a drop), else just below the selected step
 * (where the next step usually goes), else in the middle of what the canvas shows. The new step is
 * selected, so its settings open at once.
 */
import { useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { FlowDefinition } from '../../../api/flows.ts';
import type { Selection } from './model/editorReducer.ts';
import { placeNear, positionOf, ROW, type XY } from './model/graph.ts';
import { newNode, type NodeType } from './model/newNode.ts';
import type { EditorOps } from './useFlowEditor.ts';

const NODE_W = 240;
const NODE_H = 100;

export function useAddStep(def: FlowDefinition, selected: Selection, ops: EditorOps) {
  const store = useStoreApi();
  return useCallback((type: NodeType, at?: XY) => {
    let anchor: XY;
    const index = selected?.kind === 'node' ? def.nodes.findIndex((n) => n.id === selected.id) : -1;
    if (at) anchor = { x: at.x - NODE_W / 2, y: at.y - NODE_H / 2 };
    else if (index >= 0) {
      const p = positionOf(def.nodes[index]!, index);
      anchor = { x: p.x, y: p.y + ROW };
    } else {
      const { width, height, transform: [x, y, zoom] } = store.getState();
      anchor = { x: (width / 2 - x) / zoom - NODE_W / 2, y: (height / 3 - y) / zoom - NODE_H / 2 };
    }
    ops.add(newNode(def, type, at ? { x: Math.round(anchor.x), y: Math.round(anchor.y) } : placeNear(def, anchor)));
  }, [def, selected, ops, store]);
}
