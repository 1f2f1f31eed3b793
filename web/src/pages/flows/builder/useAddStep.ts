/**
 * Adding steps. From the palette: at a given point (a drop), else just below the selected step
 * (where the next step usually goes), else in the middle of what the canvas shows. After a step
 * ("Add the next step"): below it, a little left for yes and right for no, and linked from it.
 * The new step is selected, so its settings open at once.
 */
import { useStoreApi } from '@xyflow/react';
import type { FlowDefinition } from '../../../api/flows.ts';
import type { Selection } from './model/editorReducer.ts';
import { COLUMN, placeNear, positionOf, ROW, type Port, type XY } from './model/graph.ts';
import { newNode, type NodeType } from './model/newNode.ts';
import type { EditorOps } from './useFlowEditor.ts';

const NODE_W = 240;
const NODE_H = 100;

export function useAddStep(def: FlowDefinition, selected: Selection, ops: EditorOps) {
  const store = useStoreApi();
  const index = selected?.kind === 'node' ? def.nodes.findIndex((n) => n.id === selected.id) : -1;
  const source = index >= 0 ? def.nodes[index] : undefined;
  const below = source && positionOf(source, index);

  const add = (type: NodeType, at?: XY) => {
    if (at) return ops.add(newNode(def, type, { x: Math.round(at.x - NODE_W / 2), y: Math.round(at.y - NODE_H / 2) }));
    let anchor: XY;
    if (below) anchor = { x: below.x, y: below.y + ROW };
    else {
      const { width, height, transform: [x, y, zoom] } = store.getState();
      anchor = { x: (width / 2 - x) / zoom - NODE_W / 2, y: (height / 3 - y) / zoom - NODE_H / 2 };
    }
    ops.add(newNode(def, type, placeNear(def, anchor)));
  };

  const addAfter = (type: NodeType, port: Port) => {
    if (!source || !below) return;
    const dx = port === 'yes' ? -COLUMN / 2 : port === 'no' ? COLUMN / 2 : 0;
    ops.addAfter(newNode(def, type, placeNear(def, { x: below.x + dx, y: below.y + ROW })), source.id, port);
  };
  return { add, addAfter };
}
