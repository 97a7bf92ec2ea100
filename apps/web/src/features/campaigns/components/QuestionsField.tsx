import { Button, Card, Checkbox, Flex, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_QUESTION_KINDS, type CampaignQuestion } from '@anxin/contracts';

export interface QuestionValues {
  id?: string;
  kind: CampaignQuestion['kind'];
  text: string;
  optionsText?: string;
  required: boolean;
}

export const questionValuesOf = (q: CampaignQuestion): QuestionValues => ({
  id: q.id,
  kind: q.kind,
  text: q.text,
  optionsText: q.options.join('\n'),
  required: q.required,
});

/** Questions keep their ids (answers are keyed by them); new ones get the next free `qN`. */
export function questionsOf(values: QuestionValues[]): CampaignQuestion[] {
  const used = new Set(values.map((v) => v.id).filter(Boolean));
  let n = 1;
  const nextId = () => {
    while (used.has(`q${n}`)) n += 1;
    used.add(`q${n}`);
    return `q${n}`;
  };
  return values.map((v) => ({
    id: v.id || nextId(),
    kind: v.kind,
    text: v.text,
    options:
      v.kind === 'choice'
        ? (v.optionsText ?? '')
            .split('\n')
            .map((o) => o.trim())
            .filter(Boolean)
        : [],
    required: v.required,
  }));
}

/** The questionnaire builder: ordered questions, each a single choice, a 1–5 rating or free text. */
export function QuestionsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="questions">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              title={`${i + 1}.`}
              extra={
                <Button type="link" danger onClick={() => remove(f.name)}>
                  {t('campaigns.editor.remove')}
                </Button>
              }
            >
              <Form.Item name={[f.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Flex gap={8}>
                <Form.Item name={[f.name, 'kind']} style={{ width: 140 }}>
                  <Select
                    options={CAMPAIGN_QUESTION_KINDS.map((k) => ({
                      value: k,
                      label: t(`campaigns.editor.kind.${k}`),
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'text']} rules={[{ required: true }]} style={{ flex: 1 }}>
                  <Input
                    placeholder={t('campaigns.editor.questionText')}
                    maxLength={300}
                    data-testid={`campaign-q-${i}`}
                  />
                </Form.Item>
              </Flex>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue(['questions', f.name, 'kind']) === 'choice' ? (
                    <Form.Item name={[f.name, 'optionsText']} label={t('campaigns.editor.options')}>
                      <Input.TextArea rows={3} data-testid={`campaign-q-${i}-options`} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              <Form.Item name={[f.name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>{t('campaigns.editor.required')}</Checkbox>
              </Form.Item>
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ kind: 'choice', text: '', optionsText: '', required: true })}
            data-testid="campaign-add-question"
          >
            {t('campaigns.editor.addQuestion')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
