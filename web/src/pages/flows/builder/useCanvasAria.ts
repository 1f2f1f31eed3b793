/** React Flow's screen-reader texts (how to select, move and delete with the keyboard) in the interface language. */
import type { AriaLabelConfig } from '@xyflow/react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useCanvasAria(): Partial<AriaLabelConfig> {
  const { t } = useTranslation();
  return useMemo(() => ({
    'node.a11yDescription.default': t('flow.aria.node'),
    'node.a11yDescription.keyboardDisabled': t('flow.aria.nodeMove'),
    'node.a11yDescription.ariaLiveMessage': ({ x, y }: { direction: string; x: number; y: number }) => t('flow.aria.moved', { x: Math.round(x), y: Math.round(y) }),
    'edge.a11yDescription.default': t('flow.aria.edge'),
    'controls.ariaLabel': t('flow.aria.controls'),
    'controls.zoomIn.ariaLabel': t('flow.aria.zoomIn'),
    'controls.zoomOut.ariaLabel': t('flow.aria.zoomOut'),
    'controls.fitView.ariaLabel': t('flow.aria.fitView'),
    'controls.interactive.ariaLabel': t('flow.aria.interactive'),
    'minimap.ariaLabel': t('flow.canvas.minimap'),
    'handle.ariaLabel': t('flow.aria.handle'),
  }), [t]);
}
