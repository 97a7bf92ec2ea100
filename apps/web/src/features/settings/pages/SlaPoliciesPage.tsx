import { Alert, Button, Flex, Skeleton } from 'antd';
import { PlusOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { PolicyDrawer } from '../components/sla/PolicyDrawer.tsx';
import { SlaTable } from '../components/sla/SlaTable.tsx';
import { useSlaPoliciesPage } from './useSlaPoliciesPage.ts';

/** SLA 时效: deadlines per order type × urgency × customer tier; the most specific match wins. */
export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { canManage, query, save, draft, setDraft, editing, setEditing, dirty, conflict, onSave } =
    useSlaPoliciesPage();
  if (query.isPending || !draft)
    return query.error ? <ProblemAlert error={query.error} /> : <Skeleton active />;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.slaPolicies')}
        description={t('settings.sla.subtitle')}
        extra={
          canManage && (
            <>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  setEditing({
                    index: null,
                    policy: {
                      id: `policy-${draft.length + 1}`,
                      name: '',
                      match: { type: 'repair' },
                      metrics: {},
                    },
                  })
                }
                data-testid="sla-add"
              >
                {t('settings.sla.add')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!dirty}
                loading={save.isPending}
                onClick={onSave}
                data-testid="sla-save"
              >
                {t('settings.actions.save')}
              </Button>
            </>
          )
        }
      />
      <Alert type="info" showIcon title={t('settings.sla.howItWorks')} />
      {dirty && (
        <Alert
          type="warning"
          showIcon
          title={t('settings.sla.unsaved')}
          action={
            <Button size="small" onClick={() => setDraft(query.data!.policies)}>
              {t('settings.sla.discard')}
            </Button>
          }
        />
      )}
      {conflict ? (
        <Alert
          type="error"
          showIcon
          title={t('errors.resource.version_conflict')}
          action={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => {
                save.reset();
                void query.refetch();
              }}
            >
              {t('settings.actions.reload')}
            </Button>
          }
        />
      ) : (
        <ProblemAlert error={save.error} />
      )}
      <SlaTable draft={draft} canManage={canManage} onEdit={setEditing} onChange={setDraft} />
      <PolicyDrawer
        policy={editing?.policy ?? null}
        isNew={editing?.index === null}
        takenIds={draft.map((p) => p.id)}
        onClose={() => setEditing(null)}
        onApply={(p) => {
          setDraft(
            editing?.index === null || editing?.index === undefined
              ? [...draft, p]
              : draft.map((x, i) => (i === editing.index ? p : x)),
          );
          setEditing(null);
        }}
      />
    </Flex>
  );
}
