import { Alert, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { pts } from './grade.tsx';
import { centi, sum } from './scheme/schemeMath.ts';
import { SchemeSection } from './scheme/SchemeSection.tsx';
import { useSchemeEditor } from './scheme/useSchemeEditor.ts';

/**
 * The scheme as an editable tree (section → indicator → checklist items) with live sums per
 * indicator, section and the 100-point total. Saving stores a new version; evaluations already
 * started keep theirs.
 */
export function SchemeEditor() {
  const { t } = useTranslation();
  const { canEdit, scheme, save, draft, setDraft, error, dirty, edit, onSave } = useSchemeEditor();
  if (!draft || !scheme.data) return <ProblemAlert error={scheme.error} />;
  const total = sum(draft.sections);
  const r = draft.rules;

  return (
    <Flex vertical gap={16} data-testid="scheme-editor">
      <Alert
        type="warning"
        showIcon
        message={t('evaluation.scheme.unverified')}
        data-testid="scheme-unverified"
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text strong>
            {t('evaluation.scheme.version', { version: scheme.data.version })}
          </Typography.Text>
          <Input
            value={draft.name}
            disabled={!canEdit}
            style={{ width: 360 }}
            aria-label={t('evaluation.scheme.name')}
            onChange={(e) => edit((d) => void (d.name = e.target.value))}
          />
          <Tag color={centi(total) === 10000 ? 'green' : 'red'} data-testid="scheme-total">
            {t('evaluation.scheme.total', { sum: pts(total) })}
          </Tag>
        </Space>
        {canEdit ? (
          <Space>
            <Button disabled={!dirty} onClick={() => setDraft(structuredClone(scheme.data.definition))}>
              {t('evaluation.scheme.reset')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={onSave}
              data-testid="scheme-save"
            >
              {t('evaluation.scheme.save')}
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('evaluation.scheme.readOnly')}</Typography.Text>
        )}
      </Flex>
      <ProblemAlert error={error} />
      {draft.sections.map((s, si) => (
        <SchemeSection key={si} s={s} si={si} canEdit={canEdit} edit={edit} />
      ))}
      <Card size="small" title={t('evaluation.scheme.rules')}>
        <Typography.Text>
          {t('evaluation.scheme.rulesText', {
            fail: r.failIfSpecialDeductionsAtLeast,
            ded: r.specialDeductionPoints,
            maxBonus: r.maxBonusItems,
            bonus: r.bonusPoints,
            cap: r.cap,
            months: r.starRequiresMonthsAtPass,
          })}
        </Typography.Text>
      </Card>
    </Flex>
  );
}
