/** The reporting period of a query string: ISO 8601 instants `from` and `to`, by default the last 30 days. */
import { Type } from 'typebox';
import { AppError } from '../../kernel/errors.ts';

const DAY = 86_400_000;

export const Period = Type.Object({
  from: Type.Optional(Type.String({ description: 'ISO 8601 instant; default: 30 days before `to`' })),
  to: Type.Optional(Type.String({ description: 'ISO 8601 instant (exclusive); default: now' })),
});

export function period(q: { from?: string; to?: string }, now: number): { from: number; to: number } {
  const to = q.to ? Date.parse(q.to) : now + 1;
  const from = q.from ? Date.parse(q.from) : to - 30 * DAY;
  if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw new AppError('invalid_query', 'from and to must be ISO 8601 instants with from < to');
  if (to - from > 3660 * DAY) throw new AppError('invalid_query', 'a period may span at most ten years');
  return { from, to };
}
