/** One icon and one colour per kind of step, the same on the canvas, in the palette and in the lists. */
import { IconArrowsSplit2, IconFlagCheck, IconHourglassHigh, IconMail, IconShoppingCartX, IconUsersMinus, type TablerIcon } from '@tabler/icons-react';
import type { FlowNode } from '../../../api/flows.ts';

export const STEP_STYLE: Record<FlowNode['type'], { icon: TablerIcon; color: string }> = {
  trigger: { icon: IconShoppingCartX, color: 'orange' },
  wait: { icon: IconHourglassHigh, color: 'grape' },
  send_email: { icon: IconMail, color: 'blue' },
  condition: { icon: IconArrowsSplit2, color: 'cyan' },
  holdout: { icon: IconUsersMinus, color: 'gray' },
  exit: { icon: IconFlagCheck, color: 'jade' },
};
