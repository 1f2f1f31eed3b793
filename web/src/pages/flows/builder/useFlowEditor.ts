/**
 * The builder's editing operations over editorReducer. Each is a plain function of its inputs
 * (stable across renders), so the canvas, the side panel and the keyboard can all hold them.
 */
import { useMemo, useReducer } from 'react';
import type { FlowDefinition, FlowNode } from '../../../api/flows.ts';
import { editorReducer, initialEditor, type Selection } from './model/editorReducer.ts';
import { mapNode, removeNodes, withTarget, type Port, type XY } from './model/graph.ts';

export type FlowPatch = Partial<Pick<FlowDefinition, 'name' | 'description' | 'stopOnPurchase'>>;

export function useFlowEditor(initial: FlowDefinition) {
  const [state, dispatch] = useReducer(editorReducer, initial, initialEditor);
  const ops = useMemo(() => ({
    /** a definition from the server: starts a fresh history */
    reset: (def: FlowDefinition) => dispatch({ type: 'reset', def }),
    /** a whole definition as one undoable edit (an old version taken up again) */
    replace: (def: FlowDefinition) => dispatch({ type: 'edit', change: () => def, select: null }),
    add: (node: FlowNode) => dispatch({ type: 'edit', change: (d) => ({ ...d, nodes: [...d.nodes, node] }), select: { kind: 'node', id: node.id } }),
    /** a new step linked from `source`'s way out `port`, as one undoable edit */
    addAfter: (node: FlowNode, source: string, port: Port) =>
      dispatch({ type: 'edit', change: (d) => mapNode({ ...d, nodes: [...d.nodes, node] }, source, (n) => withTarget(n, port, node.id)), select: { kind: 'node', id: node.id } }),
    /** `coalesce` names the field being typed into, so a word is one undo step */
    update: (id: string, fn: (n: FlowNode) => FlowNode, coalesce?: string) => dispatch({ type: 'edit', change: (d) => mapNode(d, id, fn), coalesce: coalesce && `${id}.${coalesce}` }),
    remove: (ids: readonly string[]) => dispatch({ type: 'edit', change: (d) => removeNodes(d, ids) }),
    connect: (source: string, port: Port, target: string | null) => dispatch({ type: 'edit', change: (d) => mapNode(d, source, (n) => withTarget(n, port, target)) }),
    setFlow: (patch: FlowPatch, coalesce?: string) => dispatch({ type: 'edit', change: (d) => ({ ...d, ...patch }), coalesce: coalesce && `flow.${coalesce}` }),
    move: (id: string, position: XY) => dispatch({ type: 'move', id, position }),
    checkpoint: () => dispatch({ type: 'checkpoint' }),
    select: (selection: Selection) => dispatch({ type: 'select', selection }),
    deselect: (kind: 'node' | 'edge', id: string) => dispatch({ type: 'deselect', kind, id }),
    undo: () => dispatch({ type: 'undo' }),
    redo: () => dispatch({ type: 'redo' }),
  }), []);
  return { state, ops };
}

export type EditorOps = ReturnType<typeof useFlowEditor>['ops'];
