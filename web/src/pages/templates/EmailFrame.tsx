/**
 * An email's HTML as a mail client would lay it out at a given width (640 px desktop, 375 px
 * phone), in a sandboxed frame: no scripts, no access to the app, no navigation of the app. When
 * the space is narrower than the width, the frame is scaled down as a whole rather than squeezed,
 * so the layout is still the one at that width (and the scale is said). Links open in a new tab
 * (a <base target> is added), so a click never replaces the preview. Also used by the mailbox.
 */
import { Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../format.ts';

export interface EmailFrameProps {
  html: string;
  /** the width the email is laid out at, in CSS pixels; without one, the frame fills its space */
  width?: number;
  height: number;
  /** the frame's accessible name */
  title: string;
  dimmed?: boolean;
}

const withBaseTarget = (html: string) => (/<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}<base target="_blank">`) : `<base target="_blank">${html}`);

export function EmailFrame({ html, width, height, title, dimmed }: EmailFrameProps) {
  const { t } = useTranslation();
  const { ref, width: available } = useElementSize();
  const scale = width && available > 0 && available < width ? available / width : 1;
  const doc = useMemo(() => withBaseTarget(html), [html]);
  return (
    <Box ref={ref} w="100%">
      <Box
        mx="auto"
        style={{ width: width ? width * scale : '100%', height: height * scale, overflow: 'hidden', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)', background: 'white', opacity: dimmed ? 0.55 : 1, transition: 'opacity 150ms' }}
      >
        <iframe
          title={title}
          sandbox="allow-popups allow-popups-to-escape-sandbox"
          srcDoc={doc}
          style={{ display: 'block', width: width ?? '100%', height, border: 0, transform: scale === 1 ? undefined : `scale(${scale})`, transformOrigin: '0 0' }}
        />
      </Box>
      {width && (
        <Text size="xs" c="dimmed" ta="center" mt={4}>
          {scale === 1 ? t('template.preview.atWidth', { width }) : t('template.preview.scaled', { width, scale: formatPercent(scale, 0) })}
        </Text>
      )}
    </Box>
  );
}
