/**
 * Virtual time for a simulation: a clock that only moves when told to, and the agenda of what
 * shoppers will do when (a binary heap by instant; equal instants keep their insertion order).
 */
import type { Clock } from '../kernel/clock.ts';

export class VirtualClock implements Clock {
  constructor(private t: number) {}
  now(): number {
    return this.t;
  }
  /** Moves to `t`; never backwards (a due step must never run before its time). */
  advanceTo(t: number): void {
    this.t = Math.max(this.t, t);
  }
}

export interface Action { at: number; seq: number; run(): Promise<void> }

export class Agenda {
  private heap: Action[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  at(at: number, run: () => Promise<void>): void {
    this.heap.push({ at, seq: this.seq++, run });
    this.up(this.heap.length - 1);
  }

  peek(): Action | undefined {
    return this.heap[0];
  }

  pop(): Action | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  private before(i: number, j: number): boolean {
    const a = this.heap[i]!;
    const b = this.heap[j]!;
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private swap(i: number, j: number): void {
    [this.heap[i], this.heap[j]] = [this.heap[j]!, this.heap[i]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let min = i;
      if (l < this.heap.length && this.before(l, min)) min = l;
      if (r < this.heap.length && this.before(r, min)) min = r;
      if (min === i) return;
      this.swap(i, min);
      i = min;
    }
  }
}
