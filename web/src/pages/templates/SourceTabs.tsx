/**
 * The two sources of a template, one tab each: the MJML document (XML mode) and the plain-text
 * part every message carries for mail clients that do not show HTML. A tab with problems says how
 * many, so an error in the hidden one is not missed. Both editors stay mounted (Mantine keeps
 * panels), so switching keeps each one's cursor, undo history and markers.
 */
import { Badge, Tabs } from '@mantine/core';
import { IconCode, IconTxt } from '@tabler/icons-react';
import type { EditorView } from '@uiw/react-codemirror';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateDraft, TemplateProblem } from '../../api/templates.ts';
import { SourceEditor } from './SourceEditor.tsx';

export type SourcePart = 'mjml' | 'text';

export interface SourceTabsProps {
  draft: TemplateDraft;
  onMjml: (v: string) => void;
  onText: (v: string) => void;
  problems: TemplateProblem[];
  tab: SourcePart;
  onTab: (tab: SourcePart) => void;
  onView: (part: SourcePart, view: EditorView) => void;
}

/** Problems without a part come from the MJML side (the older server's only answer). */
export const partOf = (p: TemplateProblem): SourcePart => p.part ?? 'mjml';

export function SourceTabs({ draft, onMjml, onText, problems, tab, onTab, onView }: SourceTabsProps) {
  const { t } = useTranslation();
  // One array per part and per answer, so an editor re-lints only when its own list changes.
  const byPart = useMemo(() => ({ mjml: problems.filter((p) => partOf(p) === 'mjml'), text: problems.filter((p) => partOf(p) === 'text') }), [problems]);
  const count = (part: SourcePart) => {
    const n = byPart[part].length;
    return n > 0 ? <Badge size="xs" color="red" variant="filled" circle aria-label={t('template.problemCount', { count: n })}>{n}</Badge> : undefined;
  };
  return (
    <Tabs value={tab} onChange={(v) => v && onTab(v as SourcePart)} keepMounted>
      <Tabs.List mb="sm">
        <Tabs.Tab value="mjml" leftSection={<IconCode size={16} aria-hidden />} rightSection={count('mjml')}>
          {t('template.tabs.mjml')}
        </Tabs.Tab>
        <Tabs.Tab value="text" leftSection={<IconTxt size={16} aria-hidden />} rightSection={count('text')}>
          {t('template.tabs.text')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="mjml">
        <SourceEditor value={draft.mjml} onChange={onMjml} language="xml" label={t('template.mjmlLabel')} problems={byPart.mjml} onView={(v) => onView('mjml', v)} />
      </Tabs.Panel>
      <Tabs.Panel value="text">
        <SourceEditor value={draft.text} onChange={onText} language="text" label={t('template.textLabel')} problems={byPart.text} onView={(v) => onView('text', v)} />
      </Tabs.Panel>
    </Tabs>
  );
}
