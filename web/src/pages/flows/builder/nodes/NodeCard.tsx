/**
 * The frame every step is drawn in: its kind and id, its label, its configuration in words, its
 * live counts, a mark when something about it must be fixed, and its handles. Links enter at the
 * top ("in") and leave at the bottom through one handle per way out; each kind of step says which
 * (`inbound`, `outs`) and may add a line of its own (`children`).
 */
import { ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAlertTriangleFilled } from '@tabler/icons-react';
import { Handle, Position } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import type { FlowNode } from '../../../../api/flows.ts';
import { useBuilderInfo } from '../BuilderContext.ts';
import { stepSummary } from '../model/describe.ts';
import type { Port } from '../model/graph.ts';
import { STEP_STYLE } from '../stepStyle.ts';
import { NodeCounts } from './NodeCounts.tsx';

export interface NodeCardProps {
  step: FlowNode;
  selected: boolean;
  /** whether links can come in (not into the trigger: every run starts there) */
  inbound: boolean;
  /** the ways out, left to right */
  outs: readonly Port[];
  children?: ReactNode;
}

export function NodeCard({ step, selected, inbound, outs, children }: NodeCardProps) {
  const { t } = useTranslation();
  const info = useBuilderInfo();
  const { icon: Icon, color } = STEP_STYLE[step.type];
  const problem = info.problemNodes.has(step.id);
  const connectable = !info.readOnly;
  return (
    <div className="flow-node" data-type={step.type} data-selected={selected || undefined} data-problem={problem || undefined} data-testid={`step-${step.id}`}>
      {inbound && <Handle type="target" position={Position.Top} id="in" className="flow-handle" isConnectable={connectable} aria-label={t('flow.canvas.handleIn')} />}
      <div className="flow-node-head">
        <ThemeIcon size={22} radius="sm" color={color} variant="light" aria-hidden>
          <Icon size={14} stroke={1.8} />
        </ThemeIcon>
        <span className="flow-node-type">{t(`flow.types.${step.type}`)}</span>
        <span className="flow-node-id">{step.id}</span>
        {problem && <IconAlertTriangleFilled size={16} className="flow-node-warning" aria-label={t('flow.canvas.hasProblem')} role="img" />}
      </div>
      {step.label && <div className="flow-node-label">{step.label}</div>}
      <div className="flow-node-summary">{stepSummary(t, step, info.def, info.currency)}</div>
      {children}
      <NodeCounts step={step} />
      {outs.map((port, i) => (
        <Handle
          key={port}
          type="source"
          position={Position.Bottom}
          id={port}
          isConnectable={connectable}
          className={`flow-handle flow-handle-${port}`}
          style={outs.length > 1 ? { left: `${(100 * (i + 1)) / (outs.length + 1)}%` } : undefined}
          aria-label={t(`flow.canvas.handle.${port}`)}
        >
          {port !== 'next' && <span className="flow-handle-label">{t(`flow.canvas.${port}`)}</span>}
        </Handle>
      ))}
    </div>
  );
}
