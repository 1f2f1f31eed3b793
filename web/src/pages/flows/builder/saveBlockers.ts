/**
 * Why Save draft and Publish cannot be used right now, in words for their tooltips (null: they
 * can). Both need a flow the server has checked and found complete; saving also needs a change,
 * publishing a version that is not live already.
 */
import type { TFunction } from 'i18next';
import type { FlowSummary } from '../../../api/flows.ts';
import type { Check } from './useChecks.ts';

export function saveBlockers(t: TFunction, check: Check, flow: FlowSummary | null, dirty: boolean) {
  const unchanged = flow !== null && !dirty;
  const invalid = check.valid ? null : check.state === 'checking' ? t('flow.toolbar.checking') : check.state === 'error' ? t('flow.toolbar.checkFailed') : t('flow.toolbar.blocked');
  const alreadyLive = unchanged && flow.status === 'live' && flow.liveVersion === flow.latestVersion;
  return {
    saveWhy: invalid ?? (unchanged ? t('flow.toolbar.nothingToSave') : null),
    publishWhy: invalid ?? (alreadyLive ? t('flow.toolbar.alreadyLive') : null),
  };
}
