/** Choosing a step from a list (problems, all steps): select it and bring it to the middle of the canvas. */
import { useReactFlow } from '@xyflow/react';
import type { EditorOps } from './useFlowEditor.ts';

export function useFocusStep(ops: Pick<EditorOps, 'select'>) {
  const rf = useReactFlow();
  return (id: string) => {
    ops.select({ kind: 'node', id });
    const n = rf.getNode(id);
    if (!n) return;
    const center = { x: n.position.x + (n.measured?.width ?? 240) / 2, y: n.position.y + (n.measured?.height ?? 100) / 2 };
    void rf.setCenter(center.x, center.y, { zoom: Math.max(rf.getZoom(), 0.8), duration: 300 });
  };
}
