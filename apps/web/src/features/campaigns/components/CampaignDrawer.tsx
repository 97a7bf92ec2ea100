import { useEffect, useState } from 'react';
import { App, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { CAMPAIGN_PURPOSES, type Campaign, type CampaignPurpose } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { regionPath } from '../../customers/index.ts';
import { useCreateCampaign, useUpdateCampaign } from '../api.ts';
import { FiltersFields, filtersOf, type FilterValues } from './FiltersFields.tsx';
import { QuestionsField, questionsOf, questionValuesOf, type QuestionValues } from './QuestionsField.tsx';

interface Values extends FilterValues {
  name: string;
  purpose: CampaignPurpose;
  script: string;
  questions: QuestionValues[];
}

const valuesOf = (c: Campaign | null): Values =>
  c
    ? {
        name: c.name,
        purpose: c.purpose,
        script: c.script,
        questions: c.questions.map(questionValuesOf),
        purchasedWithinDays: c.filters.purchasedWithinDays,
        warrantyEndingWithinDays: c.filters.warrantyEndingWithinDays,
        noContactForDays: c.filters.noContactForDays,
        region: c.filters.regionCode ? regionPath(c.filters.regionCode) : [],
      }
    : { name: '', purpose: 'follow_up', script: '', questions: [], region: [] };

/** Creates or edits a draft campaign: purpose, filters with a live count, script, questionnaire. */
export function CampaignDrawer({
  open,
  campaign,
  onClose,
}: {
  open: boolean;
  campaign: Campaign | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const [error, setError] = useState<unknown>(null);
  const watched = Form.useWatch([], form) as Values | undefined;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(valuesOf(campaign));
  }, [open, campaign, form]);

  const submit = async (v: Values) => {
    setError(null);
    const body = {
      name: v.name,
      purpose: v.purpose,
      script: v.script ?? '',
      questions: questionsOf(v.questions ?? []),
      filters: filtersOf(v),
    };
    try {
      if (campaign) await update.mutateAsync({ id: campaign.id, version: campaign.version, ...body });
      else await create.mutateAsync(body);
      message.success(t('campaigns.editor.saved'));
      onClose();
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      width={640}
      title={campaign ? t('campaigns.editor.editTitle') : t('campaigns.editor.createTitle')}
      saving={create.isPending || update.isPending}
      onSave={() => form.submit()}
      saveTestId="campaign-save"
      cancelText={t('campaigns.editor.cancel')}
      saveText={t('campaigns.editor.save')}
    >
      <Flex vertical gap={12}>
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Flex gap={12}>
            <Form.Item
              name="name"
              label={t('campaigns.editor.name')}
              rules={[{ required: true }]}
              style={{ flex: 2 }}
            >
              <Input maxLength={100} data-testid="campaign-name" />
            </Form.Item>
            <Form.Item name="purpose" label={t('campaigns.editor.purpose')} style={{ flex: 1 }}>
              <Select
                options={CAMPAIGN_PURPOSES.map((p) => ({ value: p, label: t(`campaigns.purpose.${p}`) }))}
              />
            </Form.Item>
          </Flex>
          <Typography.Title level={5}>{t('campaigns.editor.filters')}</Typography.Title>
          <FiltersFields values={watched} />
          <Form.Item name="script" label={t('campaigns.editor.script')} style={{ marginTop: 16 }}>
            <Input.TextArea
              rows={4}
              maxLength={4000}
              placeholder={t('campaigns.editor.scriptPlaceholder')}
              data-testid="campaign-script"
            />
          </Form.Item>
          <Typography.Title level={5}>{t('campaigns.editor.questions')}</Typography.Title>
          <QuestionsField />
        </Form>
      </Flex>
    </FormDrawer>
  );
}
