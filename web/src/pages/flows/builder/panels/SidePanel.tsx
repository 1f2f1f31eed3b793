/**
 * Everything beside the canvas: what is missing (always in view: it is the verdict on the whole
 * flow), then three tabs that scroll below it: the selected step (or link), all steps as a list,
 * and the flow's own settings. Selecting a step anywhere opens its tab;
 * choosing one from a list also moves the focus there, so keyboard users land on its settings.
 */
import { ScrollArea, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuilderInfo } from '../BuilderContext.ts';
import type { Selection } from '../model/editorReducer.ts';
import { parseEdgeId } from '../canvasModel.ts';
import type { Check } from '../useChecks.ts';
import type { EditorOps } from '../useFlowEditor.ts';
import { EdgePanel } from './EdgePanel.tsx';
import { FlowSettings } from './FlowSettings.tsx';
import { Outline } from './Outline.tsx';
import { ProblemsPanel } from './ProblemsPanel.tsx';
import { StepPanel, type StepPanelProps } from './StepPanel.tsx';

export interface SidePanelProps {
  check: Check;
  /** whether there is something to publish (else a complete flow reads "nothing missing") */
  publishable: boolean;
  selected: Selection;
  ops: EditorOps;
  onChoose: (id: string) => void;
  onAddNext: StepPanelProps['onAddNext'];
}

export function SidePanel({ check, publishable, selected, ops, onChoose, onAddNext }: SidePanelProps) {
  const { t } = useTranslation();
  const { def, readOnly } = useBuilderInfo();
  const [tab, setTab] = useState<string | null>(selected ? 'step' : 'steps');
  const selectedKey = selected ? `${selected.kind}:${selected.id}` : null;
  useEffect(() => {
    if (selectedKey) setTab('step');
  }, [selectedKey]);

  const step = selected?.kind === 'node' ? def.nodes.find((n) => n.id === selected.id) : undefined;
  const choose = (id: string) => {
    onChoose(id);
    setTab('step');
    requestAnimationFrame(() => document.getElementById('step-panel-title')?.focus());
  };
  return (
    <div className="flow-side-panel">
      {!readOnly && <ProblemsPanel check={check} publishable={publishable} onChoose={choose} />}
      <Tabs value={tab} onChange={setTab} keepMounted={false} className="flow-side-tabs">
        <Tabs.List grow>
          <Tabs.Tab value="step">{t('flow.panel.step')}</Tabs.Tab>
          <Tabs.Tab value="steps">{t('flow.panel.steps', { count: def.nodes.length })}</Tabs.Tab>
          <Tabs.Tab value="flow">{t('flow.panel.flow')}</Tabs.Tab>
        </Tabs.List>
        <ScrollArea type="auto" offsetScrollbars className="flow-side-scroll">
          <Tabs.Panel value="step" pt="md">
            {step && (
              <StepPanel
                key={step.id}
                step={step}
                problems={check.items.filter((p) => p.node === step.id).map((p) => p.text)}
                onChange={(fn, field) => ops.update(step.id, fn, field)}
                onLink={(port, target) => ops.connect(step.id, port, target)}
                onAddNext={onAddNext}
                onDelete={() => ops.remove([step.id])}
              />
            )}
            {selected?.kind === 'edge' && <EdgePanel edgeId={selected.id} onRemove={() => ops.connect(parseEdgeId(selected.id).source, parseEdgeId(selected.id).port, null)} />}
            {!selected && <Text size="sm" c="dimmed">{readOnly ? t('flow.panel.noSelectionReadOnly') : t('flow.panel.noSelection')}</Text>}
          </Tabs.Panel>
          <Tabs.Panel value="steps" pt="md">
            <Outline selectedId={step?.id ?? null} onChoose={choose} />
          </Tabs.Panel>
          <Tabs.Panel value="flow" pt="md">
            <FlowSettings def={def} readOnly={readOnly} onChange={ops.setFlow} />
          </Tabs.Panel>
        </ScrollArea>
      </Tabs>
    </div>
  );
}
