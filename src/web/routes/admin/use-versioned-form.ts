import { useForm, type FormRulesRecord } from '@mantine/form';
import { useEffect, useState } from 'react';

interface Options<R extends { version: number }, V extends Record<string, unknown>> {
  /** The record as the server last sent it; a newer version replaces an untouched form. */
  record: R;
  /** The form values showing a record. */
  valuesOf: (record: R) => V;
  /** The browser-side checks, which may depend on the version being edited. */
  rules: (base: R) => FormRulesRecord<V>;
  /** Fetches the current version after a conflict (undefined when it could not). */
  onReload: () => Promise<R | undefined>;
  /** Called once the form is based on the reloaded version (e.g. to clear the conflict error). */
  onRebased: () => void;
}

/** A field's value unchanged: lists compare as sets (roles), so reordering is no change. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item) => b.includes(item));
  return a === b;
}

/**
 * After a version conflict: take the other person's values, except in the fields this user changed, which
 * keep what they typed — they check them and save again.
 */
function rebase<V extends Record<string, unknown>>(mine: V, before: V, after: V): V {
  const merged = { ...after };
  for (const key of Object.keys(mine) as (keyof V)[]) {
    if (!sameValue(mine[key], before[key])) merged[key] = mine[key];
  }
  return merged;
}

/**
 * A form editing a record the server versions (optimistic locking): `base` is the version the edits start
 * from (send its `version` with the PATCH), `adopt` makes a saved version the new untouched start, and
 * `reload` rebases the user's edits on the current version after a conflict.
 */
export function useVersionedForm<R extends { version: number }, V extends Record<string, unknown>>({ record, valuesOf, rules, onReload, onRebased }: Options<R, V>) {
  const [base, setBase] = useState(record);
  const [reloading, setReloading] = useState(false);
  const form = useForm<V>({ initialValues: valuesOf(record), validate: rules(base) });

  const adopt = (next: R) => {
    setBase(next);
    form.setInitialValues(valuesOf(next));
    form.setValues(valuesOf(next));
    form.resetDirty(valuesOf(next));
  };

  // A newer version from elsewhere (a refetch, another panel's change) replaces an untouched form.
  useEffect(() => {
    if (record.version === base.version || form.isDirty()) return;
    adopt(record);
  }, [record]);

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (!fresh) return;
      const after = valuesOf(fresh);
      const merged = rebase(form.values, valuesOf(base), after);
      setBase(fresh);
      form.setInitialValues(after);
      form.setValues(merged);
      onRebased();
    } finally {
      setReloading(false);
    }
  };

  return { form, base, adopt, reload, reloading };
}
