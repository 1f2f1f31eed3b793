/**
 * Unsaved edits kept in this browser. The server stores only complete flows (every version must be
 * valid), so a half-built flow lives here until it can be saved: written shortly after each edit,
 * removed once the page matches what is saved, and offered back when the flow is opened again, if
 * nobody saved a newer version meanwhile (`base`).
 */
import { useEffect, useState } from 'react';
import type { FlowDefinition } from '../../../api/flows.ts';

interface Stored { def: FlowDefinition; at: number; base: number | null }

function read(key: string, base: number | null): Stored | null {
  try {
    const s = JSON.parse(localStorage.getItem(key) ?? 'null') as Stored | null;
    return s && s.base === base && Array.isArray(s.def?.nodes) ? s : null;
  } catch {
    return null; // storage blocked or unreadable: nothing to offer
  }
}

function store(key: string, value: Stored | null): void {
  try {
    if (value) localStorage.setItem(key, JSON.stringify(value));
    else localStorage.removeItem(key);
  } catch {
    /* full or blocked: the leave guard still warns */
  }
}

export function useLocalDraft(key: string, def: FlowDefinition, dirty: boolean, base: number | null) {
  const storageKey = `cartback.flowDraft.${key}`;
  const [offer, setOffer] = useState(() => {
    const found = read(storageKey, base);
    return found && JSON.stringify(found.def) !== JSON.stringify(def) ? found : null;
  });
  useEffect(() => {
    if (offer) return; // keep what was found until the person chooses
    if (!dirty) return store(storageKey, null);
    const timer = setTimeout(() => store(storageKey, { def, at: Date.now(), base }), 300);
    return () => clearTimeout(timer);
  }, [storageKey, def, dirty, base, offer]);
  return {
    offer,
    /** the found edits were taken up (or thrown away): from now on this page's edits are kept */
    settle: (discard: boolean) => {
      if (discard) store(storageKey, null);
      setOffer(null);
    },
  };
}
