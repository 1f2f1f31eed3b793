/**
 * The lift and its 95% interval drawn against zero: where the bar crosses the zero line, the data
 * cannot tell the messages from no messages. Decoration only; the card says the same in words.
 */
import { Box } from '@mantine/core';
import type { Verdict } from './lift.ts';

const COLOR: Record<Verdict, string> = { helped: 'var(--mantine-color-jade-6)', hurt: 'var(--mantine-color-red-6)', unclear: 'var(--mantine-color-gray-5)' };

export function IntervalBar({ low, high, point, verdict }: { low: number; high: number; point: number; verdict: Verdict }) {
  // A symmetric scale around zero, with some room, so zero sits in the middle.
  const span = Math.max(Math.abs(low), Math.abs(high), 0.01) * 1.15;
  const x = (v: number) => `${50 + (v / span) * 50}%`;
  return (
    <Box pos="relative" h={28} aria-hidden>
      <Box pos="absolute" top={13} left={0} right={0} h={2} bg="gray.2" />
      <Box pos="absolute" top={2} bottom={2} left="50%" w={1} bg="gray.6" />
      <Box pos="absolute" top={9} h={10} left={x(low)} style={{ right: `calc(100% - ${x(high)})`, background: COLOR[verdict], opacity: 0.35, borderRadius: 5 }} />
      <Box pos="absolute" top={6} w={16} h={16} left={x(point)} style={{ transform: 'translateX(-50%)', background: COLOR[verdict], borderRadius: '50%', border: '2px solid white' }} />
    </Box>
  );
}
