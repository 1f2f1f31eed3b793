/** A wait's one setting: how long, counted from the step before it. */
import { useTranslation } from 'react-i18next';
import type { NodeOf } from '../../../../api/flows.ts';
import { DurationInput } from './DurationInput.tsx';
import type { Update } from './update.ts';

export function WaitForm({ step, update }: { step: NodeOf<'wait'>; update: Update<NodeOf<'wait'>> }) {
  const { t } = useTranslation();
  return <DurationInput label={t('flow.fields.waitFor')} description={t('flow.fields.waitHint')} value={step.duration} onChange={(duration) => update({ duration }, 'duration')} />;
}
