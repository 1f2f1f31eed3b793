/**
 * The preview follows the source as it is typed: the draft is sent to the server 400 ms after the
 * last keystroke (not per key; MJML is slow), and the answer is either a rendering or the
 * problems of that draft. The last rendering that worked is kept for when the source is broken.
 */
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { templateProblems, usePreview, type PreviewData, type RenderedEmail, type TemplateDraft } from '../../api/templates.ts';

export function useLivePreview(storeId: string, key: string, locale: string, draft: TemplateDraft, data: PreviewData) {
  const [debounced] = useDebouncedValue(draft, 400);
  const preview = usePreview(storeId, key, locale, debounced, data);
  const [lastGood, setLastGood] = useState<RenderedEmail | undefined>(undefined);

  useEffect(() => {
    if (preview.data) setLastGood(preview.data);
  }, [preview.data]);

  const problems = useMemo(() => templateProblems(preview.error), [preview.error]);
  return {
    rendered: preview.data ?? lastGood,
    problems,
    /** the source has problems, so what shows is an older rendering */
    stale: problems.length > 0,
    updating: preview.isFetching || debounced !== draft,
    /** a failure that is not the template's fault */
    error: problems.length === 0 ? preview.error : null,
    retry: () => void preview.refetch(),
  };
}
