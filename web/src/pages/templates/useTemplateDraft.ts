/**
 * The template being edited: the MJML and text as typed, and the last saved (or loaded) version to
 * compare with. Subject and preheader are not state of their own: they are read from and written
 * into the MJML (headFields.ts), so the fields and the code editor can never disagree.
 */
import { useCallback, useMemo, useState } from 'react';
import type { TemplateDraft } from '../../api/templates.ts';
import { readHead, writeHead, type HeadTag } from './headFields.ts';

export interface TemplateDraftState {
  draft: TemplateDraft;
  subject: string | null;
  preheader: string | null;
  dirty: boolean;
  setMjml: (mjml: string) => void;
  setText: (text: string) => void;
  setHead: (tag: HeadTag, value: string) => void;
  /** the draft is what the server now holds (after a save) */
  markSaved: (saved: TemplateDraft) => void;
  /** back to the last saved version */
  revert: () => void;
}

export function useTemplateDraft(initial: TemplateDraft): TemplateDraftState {
  const [baseline, setBaseline] = useState<TemplateDraft>({ mjml: initial.mjml, text: initial.text });
  const [draft, setDraft] = useState<TemplateDraft>(baseline);

  const setMjml = useCallback((mjml: string) => setDraft((d) => (d.mjml === mjml ? d : { ...d, mjml })), []);
  const setText = useCallback((text: string) => setDraft((d) => (d.text === text ? d : { ...d, text })), []);
  const setHead = useCallback((tag: HeadTag, value: string) => setDraft((d) => ({ ...d, mjml: writeHead(d.mjml, tag, value) })), []);
  const markSaved = useCallback((saved: TemplateDraft) => setBaseline(saved), []);
  const revert = useCallback(() => setDraft(baseline), [baseline]);

  return useMemo(
    () => ({
      draft,
      subject: readHead(draft.mjml, 'mj-title'),
      preheader: readHead(draft.mjml, 'mj-preview'),
      dirty: draft.mjml !== baseline.mjml || draft.text !== baseline.text,
      setMjml,
      setText,
      setHead,
      markSaved,
      revert,
    }),
    [draft, baseline, setMjml, setText, setHead, markSaved, revert],
  );
}
