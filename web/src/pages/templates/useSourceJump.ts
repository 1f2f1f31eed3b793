/**
 * Taking the cursor to a problem's line: show the right tab, then select the line's start, scroll
 * it to the middle and focus the editor (after the tab switch has made it visible).
 */
import { EditorView } from '@uiw/react-codemirror';
import { useCallback, useRef, useState } from 'react';
import type { TemplateProblem } from '../../api/templates.ts';
import { partOf, type SourcePart } from './SourceTabs.tsx';

export function useSourceJump() {
  const [tab, setTab] = useState<SourcePart>('mjml');
  const views = useRef<Partial<Record<SourcePart, EditorView>>>({});

  const onView = useCallback((part: SourcePart, view: EditorView) => {
    views.current[part] = view;
  }, []);

  const jump = useCallback((p: TemplateProblem) => {
    const part = partOf(p);
    setTab(part);
    window.setTimeout(() => {
      const view = views.current[part];
      if (!view || p.line === undefined) return;
      const doc = view.state.doc;
      const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
      view.dispatch({ selection: { anchor: line.from }, effects: EditorView.scrollIntoView(line.from, { y: 'center' }) });
      view.focus();
    }, 0);
  }, []);

  return { tab, setTab, onView, jump };
}
