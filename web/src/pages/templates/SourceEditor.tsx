/**
 * One source (the MJML document or the text part) in CodeMirror, with the server's problems shown
 * at their lines: underlined, a marker in the gutter, the message on hover. Problems come from the
 * server (a preview or a save), not from a linter in the page, so each new list is set as the
 * editor's diagnostics; CodeMirror then moves them along with edits until the next answer.
 *
 * The document is only set once; later changes from outside (the subject field, a revert) are
 * applied as the smallest edit, so the cursor, the scroll position and undo survive them.
 */
import { xml } from '@codemirror/lang-xml';
import { lintGutter, linter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { useMantineTheme } from '@mantine/core';
import CodeMirror, { EditorView, ExternalChange, type Text } from '@uiw/react-codemirror';
import { useEffect, useMemo, useState } from 'react';
import type { TemplateProblem } from '../../api/templates.ts';

export interface SourceEditorProps {
  value: string;
  onChange: (value: string) => void;
  language: 'xml' | 'text';
  /** accessible name of the editing area */
  label: string;
  problems: TemplateProblem[];
  onView?: (view: EditorView) => void;
}

function diagnostics(problems: TemplateProblem[], doc: Text): Diagnostic[] {
  return problems.flatMap((p) => {
    if (p.line === undefined) return [];
    const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
    return [{ from: line.from, to: line.to, severity: 'error' as const, message: p.message }];
  });
}

/** The smallest replacement that turns `from` into `to`: the common start and end stay untouched. */
function smallestChange(from: string, to: string) {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

export function SourceEditor({ value, onChange, language, label, problems, onView }: SourceEditorProps) {
  const theme = useMantineTheme();
  const [initial] = useState(value);
  const [view, setView] = useState<EditorView | null>(null);

  const extensions = useMemo(
    () => [
      ...(language === 'xml' ? [xml()] : []),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.theme({ '&': { fontSize: '13px' }, '.cm-content, .cm-gutters': { fontFamily: theme.fontFamilyMonospace } }),
      // No source: this only installs the diagnostics state, so a reconfigure keeps it.
      linter(null),
      lintGutter(),
    ],
    [language, label, theme.fontFamilyMonospace],
  );

  useEffect(() => {
    if (view) view.dispatch(setDiagnostics(view.state, diagnostics(problems, view.state.doc)));
  }, [problems, view]);

  useEffect(() => {
    const current = view?.state.doc.toString();
    if (view && current !== undefined && current !== value) view.dispatch({ changes: smallestChange(current, value), annotations: [ExternalChange.of(true)] });
  }, [value, view]);

  return (
    <CodeMirror
      value={initial}
      onChange={onChange}
      extensions={extensions}
      height="520px"
      // Tab moves focus on, as everywhere else on the page; indenting is Mod-] and Mod-[.
      indentWithTab={false}
      basicSetup={{ foldGutter: true, highlightActiveLine: true, searchKeymap: true }}
      onCreateEditor={(v) => {
        setView(v);
        onView?.(v);
      }}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', overflow: 'hidden' }}
    />
  );
}
