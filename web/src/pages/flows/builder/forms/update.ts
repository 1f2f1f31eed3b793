/** How a step's form reports a change: the changed fields, and which field (so typing is one undo step). */
export type Update<T> = (patch: Partial<T>, field?: string) => void;
