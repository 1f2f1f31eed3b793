/**
 * The canvas: React Flow drawing the definition (canvasModel) and turning what people do on it
 * back into edits of the definition: a drag moves a step's stored position, a drag from a handle
 * sets `next`/`yes`/`no`, Delete or Backspace removes the selected step or link, but only while the
 * focus is on the canvas (React Flow's own listener is on the whole page: a Backspace in the side
 * panel must not delete a step). An old version is shown with
 * all of that switched off.
 */
import { Background, Controls, MiniMap, Panel, ReactFlow, useReactFlow, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { useCallback, useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDefinition, FlowNode } from '../../../api/flows.ts';
import { canvasEdges, parseEdgeId, useCanvasNodes, type Measured, type StepNode } from './canvasModel.ts';
import { CanvasHint } from './CanvasHint.tsx';
import type { Selection } from './model/editorReducer.ts';
import { stepName, stepSummary } from './model/describe.ts';
import { useBuilderInfo } from './BuilderContext.ts';
import type { Port } from './model/graph.ts';
import type { NodeType } from './model/newNode.ts';
import { nodeTypes } from './nodes/nodeTypes.ts';
import { Palette, STEP_MIME } from './Palette.tsx';
import { useCanvasAria } from './useCanvasAria.ts';
import type { EditorOps } from './useFlowEditor.ts';

/** Whole flow in view, but never so small that a step cannot be read (a long flow then scrolls). */
export const FIT = { maxZoom: 1, minZoom: 0.7, padding: 0.15 };

export interface FlowCanvasProps {
  def: FlowDefinition;
  selected: Selection;
  ops: EditorOps;
  readOnly: boolean;
  onAdd: (type: NodeType, at?: { x: number; y: number }) => void;
  /** a click on a step (narrow screens open the side panel with it) */
  onStepClick?: () => void;
  /** an overview in the corner, where the canvas is wide enough to spare it */
  minimap: boolean;
}

export function FlowCanvas({ def, selected, ops, readOnly, onAdd, onStepClick, minimap }: FlowCanvasProps) {
  const { t } = useTranslation();
  const rf = useReactFlow();
  const ariaLabelConfig = useCanvasAria();
  const [measured, setMeasured] = useState<Measured>({});
  const { currency } = useBuilderInfo();
  const describe = useCallback((step: FlowNode) => `${stepName(t, step)}: ${stepSummary(t, step, def, currency)}`, [t, def, currency]);
  const nodes = useCanvasNodes(def, selected, measured, describe);
  const edges = useMemo(() => {
    const nameOf = (id: string) => {
      const step = def.nodes.find((n) => n.id === id);
      return step ? stepName(t, step) : id;
    };
    return canvasEdges(def, selected, t, nameOf);
  }, [def, selected, t]);

  const onNodesChange = useCallback((changes: NodeChange<StepNode>[]) => {
    const sizes: Measured = {};
    const removed: string[] = [];
    for (const c of changes) {
      if (c.type === 'dimensions' && c.dimensions) sizes[c.id] = c.dimensions;
      else if (c.type === 'position' && c.position) ops.move(c.id, c.position);
      else if (c.type === 'select' && c.selected) ops.select({ kind: 'node', id: c.id });
      else if (c.type === 'select') ops.deselect('node', c.id);
      else if (c.type === 'remove') removed.push(c.id);
    }
    if (Object.keys(sizes).length) setMeasured((m) => ({ ...m, ...sizes }));
    if (removed.length) ops.remove(removed);
  }, [ops]);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    for (const c of changes) {
      if (c.type === 'select' && c.selected) ops.select({ kind: 'edge', id: c.id });
      else if (c.type === 'select') ops.deselect('edge', c.id);
      else if (c.type === 'remove') {
        const { source, port } = parseEdgeId(c.id);
        ops.connect(source, port, null);
      }
    }
  }, [ops]);

  const onConnect = useCallback((c: Connection) => {
    if (c.source !== c.target && c.sourceHandle) ops.connect(c.source, c.sourceHandle as Port, c.target);
  }, [ops]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (readOnly || !selected || (e.key !== 'Delete' && e.key !== 'Backspace')) return;
    if ((e.target as HTMLElement).closest('input, textarea, [contenteditable="true"], .react-flow__panel')) return;
    e.preventDefault();
    if (selected.kind === 'node') ops.remove([selected.id]);
    else ops.connect(parseEdgeId(selected.id).source, parseEdgeId(selected.id).port, null);
  };

  const onDrop = (e: DragEvent) => {
    const type = e.dataTransfer.getData(STEP_MIME) as NodeType;
    if (!type || readOnly) return;
    e.preventDefault();
    onAdd(type, rf.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  };

  return (
    <ReactFlow<StepNode>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={(c) => c.source !== c.target}
      onNodeDragStart={() => ops.checkpoint()}
      onNodeClick={onStepClick}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(STEP_MIME)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
      }}
      onDrop={onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      deleteKeyCode={null}
      onKeyDown={onKeyDown}
      selectionKeyCode={null}
      multiSelectionKeyCode={null}
      selectNodesOnDrag={false}
      snapToGrid
      snapGrid={[10, 10]}
      fitView
      fitViewOptions={FIT}
      minZoom={0.2}
      ariaLabelConfig={ariaLabelConfig}
      aria-label={t('flow.canvas.label')}
    >
      <Background gap={20} size={1.2} />
      <Controls showInteractive={false} position="bottom-left" />
      {minimap && <MiniMap pannable zoomable position="bottom-right" ariaLabel={t('flow.canvas.minimap')} />}
      {!readOnly && (
        <Panel position="top-left">
          <Palette onAdd={(type) => onAdd(type)} hasTrigger={def.nodes.some((n) => n.type === 'trigger')} />
        </Panel>
      )}
      {def.nodes.length === 0 && !readOnly && <CanvasHint />}
    </ReactFlow>
  );
}
