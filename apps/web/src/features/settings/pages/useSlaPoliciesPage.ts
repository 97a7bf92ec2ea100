import { useEffect, useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaPolicy } from '@anxin/contracts';
import { isApiError } from '../../../api/client.ts';
import { useSession } from '../../auth/index.ts';
import { useSetSlaPolicies, useSlaPolicies } from '../api.ts';

/**
 * The SLA policies being edited: a local draft of the whole set (each drawer edit applies to it),
 * saved in one go with the version read; a version conflict is told apart so the page can offer a
 * reload.
 */
export function useSlaPoliciesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = me.permissions.includes('sla:manage');
  const query = useSlaPolicies();
  const save = useSetSlaPolicies();
  const [draft, setDraft] = useState<SlaPolicy[] | null>(null);
  const [editing, setEditing] = useState<{ policy: SlaPolicy; index: number | null } | null>(null);

  useEffect(() => {
    if (query.data) setDraft(query.data.policies);
  }, [query.data]);

  const dirty = JSON.stringify(draft) !== JSON.stringify(query.data?.policies);
  const conflict = isApiError(save.error) && save.error.code === 'resource.version_conflict';

  const onSave = async () => {
    if (!draft || !query.data) return;
    await save.mutateAsync({ policies: draft, version: query.data.version }).then(
      () => message.success(t('settings.sla.saved')),
      () => undefined,
    );
  };

  return { canManage, query, save, draft, setDraft, editing, setEditing, dirty, conflict, onSave };
}
