/**
 * The check of what is missing, kept current as the flow is edited: the draft goes to
 * POST …/flows/validate once edits pause (400 ms). Positions do not change validity, so moving
 * steps around never asks again. `valid` is true only for an answer about the current draft.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFlowValidation, type FlowDefinition } from '../../../api/flows.ts';
import { plainProblems } from './model/problemText.ts';

export interface Check {
  state: 'checking' | 'done' | 'error';
  /** no answer yet at all (the first check of the page) */
  first: boolean;
  valid: boolean;
  items: Array<{ node?: string; text: string }>;
  problemNodes: ReadonlySet<string>;
  tips: string[];
  error?: unknown;
}

export function useChecks(storeId: string, def: FlowDefinition): Check {
  const { t } = useTranslation();
  const body = useMemo(() => JSON.stringify({ ...def, nodes: def.nodes.map(({ position: _p, ...n }) => n) }), [def]);
  const [debounced] = useDebouncedValue(body, 400);
  const draft = useMemo(() => JSON.parse(debounced) as FlowDefinition, [debounced]);
  const q = useFlowValidation(storeId, draft);
  return useMemo(() => {
    const current = debounced === body && !q.isPlaceholderData && !q.isFetching;
    const items = plainProblems(t, q.data?.problems ?? []);
    const tips = def.nodes.length > 0 && !def.nodes.some((n) => n.type === 'send_email') ? [t('flow.problems.tipNoEmail')] : [];
    return {
      state: q.isError && current ? 'error' : current ? 'done' : 'checking',
      first: q.data === undefined,
      valid: current && q.data?.valid === true,
      items,
      problemNodes: new Set(items.flatMap((p) => (p.node ? [p.node] : []))),
      tips,
      error: q.error ?? undefined,
    };
  }, [t, q.data, q.isError, q.error, q.isPlaceholderData, q.isFetching, debounced, body, def.nodes]);
}
