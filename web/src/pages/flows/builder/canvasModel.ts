/**
 * The definition as React Flow draws it. A canvas node is a step plus what React Flow measured and
 * whether it is selected; its position IS the step's stored `position`. Canvas nodes are reused
 * while their step is unchanged, so dragging one step re-renders that step only.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { useMemo, useRef } from 'react';
import type { FlowDefinition, FlowNode } from '../../../api/flows.ts';
import { linksOf, positionOf, type Port } from './model/graph.ts';
import type { Selection } from './model/editorReducer.ts';

export type StepNode = Node<{ step: FlowNode }, FlowNode['type']>;
export type Measured = Record<string, { width: number; height: number }>;

export const edgeId = (source: string, port: Port) => `${source}:${port}`;
export function parseEdgeId(id: string): { source: string; port: Port } {
  const [source = '', port = 'next'] = id.split(':');
  return { source, port: port as Port };
}

/** `describe` names a step for screen readers ("Wait · wait-1: Wait 30 hours"). */
export function useCanvasNodes(def: FlowDefinition, selected: Selection, measured: Measured, describe: (step: FlowNode) => string): StepNode[] {
  const cache = useRef(new WeakMap<FlowNode, StepNode>());
  return useMemo(() => def.nodes.map((step, i) => {
    const isSelected = selected?.kind === 'node' && selected.id === step.id;
    const size = measured[step.id];
    const ariaLabel = describe(step);
    const hit = cache.current.get(step);
    if (hit && hit.selected === isSelected && hit.measured === size && hit.ariaLabel === ariaLabel) return hit;
    const node: StepNode = { id: step.id, type: step.type, position: positionOf(step, i), data: { step }, selected: isSelected, measured: size, deletable: true, ariaLabel };
    cache.current.set(step, node);
    return node;
  }), [def, selected, measured, describe]);
}

export function canvasEdges(def: FlowDefinition, selected: Selection, t: TFunction, nameOf: (id: string) => string): Edge[] {
  return linksOf(def).map(({ source, port, target }) => {
    const id = edgeId(source, port);
    const label = port === 'next' ? undefined : t(`flow.canvas.${port}`);
    return {
      id, source, target, sourceHandle: port, targetHandle: 'in',
      selected: selected?.kind === 'edge' && selected.id === id,
      label, className: `flow-edge-${port}`,
      labelBgPadding: [6, 2] as [number, number], labelBgBorderRadius: 4,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
      ariaLabel: t('flow.canvas.edgeLabel', { from: nameOf(source), to: nameOf(target), branch: label ?? '' }).trim(),
    };
  });
}
