/** Whether a contact can be emailed, in one word: suppressed (bounces, complaints) outranks unsubscribed. */
import type { Contact } from '../../api/people.ts';

export type ContactState = 'suppressed' | 'unsubscribed' | 'subscribed' | 'noEmail';

export function contactState(c: Pick<Contact, 'email' | 'unsubscribed_at' | 'suppressed_at'>): ContactState {
  if (c.suppressed_at !== null) return 'suppressed';
  if (c.unsubscribed_at !== null) return 'unsubscribed';
  return c.email ? 'subscribed' : 'noEmail';
}

const HAN = /^[\p{Script=Han}]+$/u;

/** "Mei Lin", but 陈美 for a Chinese name: family name first, no space. */
export function displayName(c: Pick<Contact, 'first_name' | 'last_name'>): string {
  if (c.first_name && c.last_name && HAN.test(c.first_name) && HAN.test(c.last_name)) return `${c.last_name}${c.first_name}`;
  return [c.first_name, c.last_name].filter(Boolean).join(' ');
}
