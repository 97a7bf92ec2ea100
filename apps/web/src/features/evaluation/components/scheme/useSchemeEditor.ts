import { useEffect, useMemo, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchemeDefinition } from '@anxin/contracts';
import { useSession } from '../../../auth/index.ts';
import { useSaveScheme, useScheme } from '../../api.ts';

/** A change to the draft, made on a copy (the draft is never mutated in place). */
export type Edit = (fn: (d: SchemeDefinition) => void) => void;

/**
 * The scheme being edited: a draft copy of the current version, whether it differs, and saving it
 * as a new version on top of the version read.
 */
export function useSchemeEditor() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canEdit = me.permissions.includes('settings:manage');
  const scheme = useScheme();
  const save = useSaveScheme();
  const [draft, setDraft] = useState<SchemeDefinition | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (scheme.data && !draft) setDraft(structuredClone(scheme.data.definition));
  }, [scheme.data, draft]);
  const dirty = useMemo(
    () => !!draft && !!scheme.data && JSON.stringify(draft) !== JSON.stringify(scheme.data.definition),
    [draft, scheme.data],
  );
  const edit: Edit = (fn) =>
    setDraft((d) => {
      const next = structuredClone(d!);
      fn(next);
      return next;
    });
  const onSave = async () => {
    if (!draft || !scheme.data) return;
    setError(null);
    try {
      const saved = await save.mutateAsync({ baseVersion: scheme.data.version, definition: draft });
      setDraft(structuredClone(saved.definition));
      message.success(t('evaluation.scheme.saved', { version: saved.version }));
    } catch (e) {
      setError(e);
    }
  };
  return { canEdit, scheme, save, draft, setDraft, error, dirty, edit, onSave };
}
