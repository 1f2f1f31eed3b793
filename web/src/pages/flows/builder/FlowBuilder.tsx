/**
 * The flow builder: the canvas and the side panel over one definition (useFlowEditor), checked as
 * it changes (useChecks), saved as a new version or published after a confirmation. An old version
 * can be looked at read-only in the same place. Below 1200px the side panel is a drawer.
 */
import { Box, Drawer } from '@mantine/core';
import { useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFlowCounts, type Discount, type FlowDefinition, type FlowDetail } from '../../../api/flows.ts';
import { useCurrentStore } from '../../../app/currentStore.ts';
import { useFlowStatusAction } from '../useFlowStatusAction.ts';
import { BuilderActions } from './BuilderActions.tsx';
import { BuilderContext, type BuilderInfo } from './BuilderContext.ts';
import { BuilderHeader } from './BuilderHeader.tsx';
import { FIT, FlowCanvas } from './FlowCanvas.tsx';
import { LeaveGuard } from './LeaveGuard.tsx';
import { SidePanel } from './panels/SidePanel.tsx';
import { PublishModal } from './PublishModal.tsx';
import { RestoreDraftBanner } from './RestoreDraftBanner.tsx';
import { saveBlockers } from './saveBlockers.ts';
import { useAddStep } from './useAddStep.ts';
import { useBuilderSave } from './useBuilderSave.ts';
import { useChecks } from './useChecks.ts';
import { useFlowEditor } from './useFlowEditor.ts';
import { useFocusStep } from './useFocusStep.ts';
import { useLocalDraft } from './useLocalDraft.ts';
import { useVersionViewer } from './useVersionViewer.ts';
import { VersionsDrawer } from './VersionsDrawer.tsx';
import { ViewingBanner } from './ViewingBanner.tsx';

// for a store saved before discountDefault existed (the API fills it in; this is belt and braces)
const FALLBACK_DISCOUNT: Discount = { kind: 'percent', value: 10, validFor: 'P3D' };

export function FlowBuilder({ storeId, flow, initial }: { storeId: string; flow: FlowDetail | null; initial: FlowDefinition }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rf = useReactFlow();
  const { state, ops } = useFlowEditor(initial);
  const [saved, setSaved] = useState(initial);
  const dirty = useMemo(() => JSON.stringify(state.def) !== JSON.stringify(saved), [state.def, saved]);
  const viewer = useVersionViewer(storeId, flow?.id);
  const readOnly = viewer.version !== null;
  const def = readOnly ? (viewer.def ?? { ...state.def, nodes: [] }) : state.def;
  const selected = readOnly ? viewer.selected : state.selected;
  const canvasOps = readOnly ? viewer.ops : ops;
  const check = useChecks(storeId, state.def);
  const [days, setDays] = useState(30);
  const counts = useFlowCounts(storeId, flow?.id, days);
  const storeSettings = useCurrentStore()?.settings;
  const currency = storeSettings?.currency ?? 'USD';
  const discountDefault = storeSettings?.discountDefault ?? FALLBACK_DISCOUNT;
  const wide = useMediaQuery('(min-width: 75em)', true);
  const xl = useMediaQuery('(min-width: 88em)', false);
  const [panel, panelCtl] = useDisclosure(false);
  const [versions, versionsCtl] = useDisclosure(false);
  const [publishing, publishCtl] = useDisclosure(false);
  const adder = useAddStep(state.def, state.selected, ops);
  const choose = useFocusStep(canvasOps);
  const local = useLocalDraft(`${storeId}.${flow?.id ?? `new.${initial.name}`}`, state.def, dirty, flow?.latestVersion ?? null);
  const saver = useBuilderSave(storeId, flow, setSaved);
  const status = useFlowStatusAction(storeId);
  useHotkeys(readOnly ? [] : [['mod+Z', ops.undo], ['mod+shift+Z', ops.redo], ['mod+Y', ops.redo]]);

  // A flow created here moves to its own address once its state is saved (so the guard lets it go).
  useEffect(() => {
    if (saver.created && !dirty) navigate(`/stores/${storeId}/flows/${saver.created}`, { replace: true });
  }, [saver.created, dirty, navigate, storeId]);
  // Another version has another layout: show all of it.
  useEffect(() => {
    requestAnimationFrame(() => void rf.fitView(FIT));
  }, [viewer.def, rf]);

  const info = useMemo<BuilderInfo>(
    () => ({ def, counts: counts.data, days, problemNodes: readOnly ? new Set() : check.problemNodes, currency, discountDefault, readOnly }),
    [def, counts.data, days, readOnly, check.problemNodes, currency, discountDefault],
  );
  const { saveWhy, publishWhy } = saveBlockers(t, check, flow, dirty);
  const side = <SidePanel check={check} publishable={!publishWhy} selected={selected} ops={canvasOps} onChoose={choose} onAddNext={adder.addAfter} />;

  return (
    <BuilderContext.Provider value={info}>
      <Box className="flow-builder">
        <BuilderHeader flow={flow} name={state.def.name} dirty={dirty}>
          <BuilderActions
            flow={flow}
            readOnly={readOnly}
            undo={state.past.length ? ops.undo : undefined}
            redo={state.future.length ? ops.redo : undefined}
            days={days}
            onDays={setDays}
            onVersions={versionsCtl.open}
            onStatus={(s) => flow && status.change(flow, s)}
            statusPending={status.pending}
            saveWhy={saveWhy}
            publishWhy={publishWhy}
            saving={saver.pending && !publishing}
            onSave={() => void saver.save(state.def, false)}
            onPublish={() => {
              // The confirmation counts the shoppers in flight: ask now, not at the next 30-second refresh.
              void counts.refetch();
              publishCtl.open();
            }}
            onOpenPanel={wide ? undefined : panelCtl.open}
            problemCount={check.items.length}
          />
        </BuilderHeader>
        {local.offer && !readOnly && <RestoreDraftBanner at={local.offer.at} onRestore={() => (ops.replace(local.offer!.def), local.settle(false))} onDiscard={() => local.settle(true)} />}
        {readOnly && <ViewingBanner version={viewer.version!} loading={!viewer.def} onBack={viewer.back} onTakeUp={() => viewer.def && (ops.replace(viewer.def), viewer.back())} />}
        <div className="flow-body">
          <div className="flow-canvas">
            <FlowCanvas def={def} selected={selected} ops={canvasOps} readOnly={readOnly} onAdd={adder.add} onStepClick={wide ? undefined : panelCtl.open} minimap={xl} />
          </div>
          {wide && (
            <aside className="flow-side" aria-label={t('flow.panel.title')}>
              {side}
            </aside>
          )}
        </div>
      </Box>
      {!wide && (
        <Drawer opened={panel} onClose={panelCtl.close} position="right" size={400} title={t('flow.panel.title')} classNames={{ content: 'flow-drawer', body: 'flow-drawer-body' }}>
          {side}
        </Drawer>
      )}
      {flow && <VersionsDrawer storeId={storeId} flow={flow} opened={versions} onClose={versionsCtl.close} viewing={viewer.version} onView={(v) => (viewer.view(v), versionsCtl.close())} />}
      <PublishModal
        opened={publishing}
        onClose={publishCtl.close}
        onConfirm={() => void saver.save(state.def, true).then((ok) => ok && publishCtl.close())}
        pending={saver.pending}
        version={(flow?.latestVersion ?? 0) + 1}
        inFlight={counts.data?.outcomes.active}
        paused={flow?.status === 'paused'}
      />
      <LeaveGuard when={dirty} />
    </BuilderContext.Provider>
  );
}
