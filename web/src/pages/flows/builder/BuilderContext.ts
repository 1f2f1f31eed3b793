/**
 * What every step on the canvas and in the side panel may show besides its own fields: the whole
 * definition (to name the steps it refers to), the live counts, which steps have problems, the
 * store's currency, and whether this is an old version being looked at.
 */
import { createContext, useContext } from 'react';
import type { Discount, FlowCounts, FlowDefinition } from '../../../api/flows.ts';

export interface BuilderInfo {
  def: FlowDefinition;
  counts: FlowCounts | undefined;
  days: number;
  problemNodes: ReadonlySet<string>;
  currency: string;
  /** what a step's discount starts at when switched on: the store's default (Settings → Recovery) */
  discountDefault: Discount;
  readOnly: boolean;
}

export const BuilderContext = createContext<BuilderInfo | null>(null);

export function useBuilderInfo(): BuilderInfo {
  const info = useContext(BuilderContext);
  if (!info) throw new Error('useBuilderInfo outside the flow builder');
  return info;
}
