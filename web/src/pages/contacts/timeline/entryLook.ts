/** The bullet of each kind of timeline entry: an icon and a colour, so the story can be scanned. */
import {
  IconActivity, IconClockPause, IconMail, IconMailOff, IconMailOpened, IconMailQuestion, IconMailX, IconPointer, IconReceipt,
  IconRoute, IconShoppingCartUp, IconUser, IconUserOff, type TablerIcon,
} from '@tabler/icons-react';
import type { TimelineEntry } from '../../../api/people.ts';

export function entryLook(e: TimelineEntry): { icon: TablerIcon; color: string } {
  switch (e.kind) {
    case 'event': return e.summary === 'identify' ? { icon: IconUser, color: 'gray' } : { icon: IconActivity, color: 'gray' };
    case 'run': return { icon: IconRoute, color: 'blue' };
    case 'message_sent': return { icon: IconMail, color: 'jade' };
    case 'message_skipped': return { icon: IconMailOff, color: 'orange' };
    case 'message_failed': return { icon: IconMailX, color: 'red' };
    case 'message_uncertain': case 'message_sending': return { icon: IconMailQuestion, color: 'yellow' };
    case 'postponed': return { icon: IconClockPause, color: 'yellow' };
    case 'open': return { icon: IconMailOpened, color: 'indigo' };
    case 'click': return { icon: IconPointer, color: 'grape' };
    case 'restore': return { icon: IconShoppingCartUp, color: 'grape' };
    case 'unsubscribe': return { icon: IconUserOff, color: 'red' };
    case 'order': return { icon: IconReceipt, color: e.data.recovered === 1 ? 'jade' : 'teal' };
    default: return { icon: IconActivity, color: 'gray' };
  }
}
