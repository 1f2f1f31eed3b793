/** The content of one timeline entry, by kind; anything of a kind this app does not know shows its summary. */
import { Text } from '@mantine/core';
import type { Message, TimelineEntry } from '../../../api/people.ts';
import { EventEntry } from './EventEntry.tsx';
import { LinkEntry } from './LinkEntry.tsx';
import { MessageEntry } from './MessageEntry.tsx';
import { OrderEntry } from './OrderEntry.tsx';
import { PostponedEntry } from './PostponedEntry.tsx';
import { RunEntry } from './RunEntry.tsx';

export function TimelineBody({ entry: e, messages }: { entry: TimelineEntry; messages: Map<string, Message> }) {
  switch (e.kind) {
    case 'event': return <EventEntry name={e.summary} properties={e.data.properties} traits={e.data.traits} />;
    case 'run': return <RunEntry run={e.data} />;
    case 'message_sent': case 'message_skipped': case 'message_failed': case 'message_uncertain': case 'message_sending':
      return <MessageEntry m={e.data} />;
    case 'postponed': return <PostponedEntry cause={e.data.kind} node={e.data.node_id} flow={e.data.flowName} until={e.data.until} />;
    case 'open': case 'click': case 'restore': case 'unsubscribe':
      return <LinkEntry kind={e.kind} url={e.data.url} message={messages.get(e.data.message_id)} />;
    case 'order': return <OrderEntry order={e.data} credited={e.data.attributed_message_id ? messages.get(e.data.attributed_message_id) : undefined} />;
    default: return <Text size="sm">{(e as { summary: string }).summary}</Text>;
  }
}
