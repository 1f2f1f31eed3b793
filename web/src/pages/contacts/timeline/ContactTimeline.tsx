/**
 * The contact's story in time order: what they did on the store, the flows they entered, every
 * message (sent or not, and why), postponements, opens and clicks, and orders. A list, oldest
 * first, so each reason reads after what caused it.
 */
import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Message, TimelineEntry } from '../../../api/people.ts';
import { formatDateTime } from '../../../format.ts';
import { entryLook } from './entryLook.ts';
import { TimelineBody } from './TimelineBody.tsx';

const isMessage = (e: TimelineEntry): e is Extract<TimelineEntry, { data: Message }> => e.kind.startsWith('message_');

export function ContactTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const messages = new Map(entries.filter(isMessage).map((e) => [e.data.id, e.data]));
  return (
    <Card component="section" aria-labelledby="timeline-title">
      <Title order={2} id="timeline-title" mb="md">
        {t('contact.timeline.title')}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">{t('contact.timeline.empty')}</Text>
      ) : (
        <Timeline active={entries.length} bulletSize={26} lineWidth={2} role="list" data-testid="timeline">
          {entries.map((e, i) => {
            const { icon: IconC, color } = entryLook(e);
            return (
              <Timeline.Item key={`${e.kind}-${i}`} role="listitem" bullet={<IconC size={14} aria-hidden />} color={color} data-kind={e.kind} lineVariant={i === entries.length - 1 ? 'dashed' : 'solid'}>
                <Text size="xs" c="dimmed" component="time" dateTime={e.at}>
                  {formatDateTime(e.at)}
                </Text>
                <TimelineBody entry={e} messages={messages} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
