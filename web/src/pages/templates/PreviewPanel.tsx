/**
 * The live preview: the inbox line, then the email at desktop or phone width, or its text part.
 * While the source has problems the last rendering that worked stays, dimmed and said to be
 * older, so the author keeps their bearings while fixing a typo.
 */
import { Card, Code, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenderedEmail } from '../../api/templates.ts';
import { PageLoader } from '../../components/PageLoader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { EmailFrame } from './EmailFrame.tsx';
import { InboxLine } from './InboxLine.tsx';

export type PreviewView = 'desktop' | 'mobile' | 'text';
const WIDTH = { desktop: 640, mobile: 375 } as const;

export interface PreviewPanelProps {
  sender: string;
  rendered: RenderedEmail | undefined;
  updating: boolean;
  /** the shown rendering is older than the source (which has problems) */
  stale: boolean;
  /** a failure that is not about the template (network, a cart that is gone) */
  error: unknown;
  onRetry: () => void;
  view: PreviewView;
  onView: (v: PreviewView) => void;
  controls: ReactNode;
}

export function PreviewPanel({ sender, rendered, updating, stale, error, onRetry, view, onView, controls }: PreviewPanelProps) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="preview-title" padding="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h3" id="preview-title">
              {t('template.preview.title')}
            </Title>
            {updating && <Loader size={14} aria-label={t('template.preview.updating')} />}
          </Group>
          <SegmentedControl
            size="xs"
            aria-label={t('template.preview.viewLabel')}
            value={view}
            onChange={(v) => onView(v as PreviewView)}
            data={(['desktop', 'mobile', 'text'] as const).map((v) => ({ value: v, label: t(`template.preview.${v}`) }))}
          />
        </Group>
        {controls}
        {error ? <QueryError error={error} onRetry={onRetry} /> : null}
        {stale && (
          <Text size="xs" c="orange.8" role="status">
            {t('template.preview.stale')}
          </Text>
        )}
        {!rendered && !error && <PageLoader />}
        {rendered && (
          <>
            <InboxLine sender={sender} subject={rendered.subject} preheader={rendered.preheader} />
            {view === 'text' ? (
              <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 640, overflow: 'auto', opacity: stale ? 0.55 : 1 }} aria-label={t('template.preview.textLabel')} tabIndex={0}>
                {rendered.text}
              </Code>
            ) : (
              <EmailFrame html={rendered.html} width={WIDTH[view]} height={view === 'mobile' ? 667 : 640} title={t('template.preview.frameTitle')} dimmed={stale} />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
