/**
 * The editing state of one settings section: the saved values of its fields, the person's changes
 * on top (a draft), and a save that sends only the fields that really changed. Background refetches
 * never overwrite what is being typed, since the draft is kept apart from the saved values; after a
 * save the draft is dropped and the server's answer is the new saved state.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateStore, type StorePatch } from '../../../api/settings.ts';
import type { Store, StoreSettings } from '../../../api/types.ts';
import { notifyError, notifySuccess } from '../../../components/notify.ts';
import { fieldErrors, type FieldErrors } from './fieldErrors.ts';

export type FormValues = StoreSettings & { name: string };
export type Field = keyof FormValues;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useSectionForm<K extends Field>(store: Store, fields: readonly K[]) {
  const { t } = useTranslation();
  const update = useUpdateStore(store.id);
  const [draft, setDraft] = useState<Partial<Pick<FormValues, K>>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  // Bumped on save and reset, so fields with their own local state (a secret being replaced) start over.
  const [version, setVersion] = useState(0);

  const saved = { ...store.settings, name: store.name } as FormValues;
  const values = { ...saved, ...draft } as Pick<FormValues, K>;
  const changed = fields.filter((k) => k in draft && !same(draft[k], saved[k]));

  const set = <F extends K>(field: F, value: FormValues[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const reset = () => {
    setDraft({});
    setErrors({});
    setVersion((v) => v + 1);
  };
  const save = () => {
    if (!changed.length) return;
    const patch: StorePatch = {};
    for (const k of changed) {
      if (k === 'name') patch.name = String(draft[k]).trim();
      else patch.settings = { ...patch.settings, [k]: draft[k] };
    }
    update.mutate(patch, {
      onSuccess: () => {
        reset();
        notifySuccess(t('settings.saved'));
      },
      onError: (err) => {
        const byField = fieldErrors(t, err);
        setErrors(byField);
        if (!Object.keys(byField).length) notifyError(t, err);
      },
    });
  };

  return { values, saved, set, changed, dirty: changed.length > 0, errors, save, reset, saving: update.isPending, version };
}

export type SectionForm<K extends Field> = ReturnType<typeof useSectionForm<K>>;
