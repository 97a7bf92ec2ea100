import { Col, Form, Input, Radio, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ARTICLE_KINDS, type ArticleContent, type ArticleKind, type Attachment } from '@anxin/contracts';
import { AttachmentsField, type FormAttachment } from './AttachmentsField.tsx';

export interface ArticleFormValues {
  slug?: string;
  kind: ArticleKind;
  title: string;
  summary?: string;
  body?: string;
  visibility: 'internal' | 'public';
  categoryCode?: string | null;
  modelCodes?: string[];
  faultCodes?: string[];
  keywords?: string[];
  symptom?: string;
  causes?: string;
  checks?: string;
  fix?: string;
  attachments?: FormAttachment[];
}

/** The request form of a row: a file row keeps only its id, a link row only its address. */
const attachmentOf = (a: FormAttachment): Attachment =>
  a.fileId
    ? { kind: a.kind === 'video' ? 'video' : 'manual', name: a.name, fileId: a.fileId }
    : { kind: a.kind, name: a.name, url: a.url ?? '' };

const lines = (s?: string) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** The request content of the form (a fault guide only for the fault library). */
export function contentOf(v: ArticleFormValues): ArticleContent {
  return {
    title: v.title,
    summary: v.summary ?? '',
    body: v.body ?? '',
    visibility: v.visibility,
    categoryCode: v.categoryCode || null,
    modelCodes: v.modelCodes ?? [],
    faultCodes: v.faultCodes ?? [],
    keywords: v.keywords ?? [],
    fault:
      v.kind === 'fault'
        ? { symptom: v.symptom ?? '', causes: lines(v.causes), checks: lines(v.checks), fix: v.fix ?? '' }
        : null,
    attachments: (v.attachments ?? []).map(attachmentOf),
  };
}

export function valuesOf(kind: ArticleKind, c: ArticleContent): ArticleFormValues {
  return {
    kind,
    title: c.title,
    summary: c.summary,
    body: c.body,
    visibility: c.visibility,
    categoryCode: c.categoryCode,
    modelCodes: c.modelCodes,
    faultCodes: c.faultCodes,
    keywords: c.keywords,
    symptom: c.fault?.symptom,
    causes: c.fault?.causes.join('\n'),
    checks: c.fault?.checks.join('\n'),
    fix: c.fault?.fix,
    attachments: c.attachments.map((a) => ({ ...a })),
  };
}

import { CATEGORY_CODES as CATEGORIES } from './categories.ts';

/** Writing an article: content, where it applies, the fault guide and attachments. */
export function ArticleFields({ creating }: { creating: boolean }) {
  const { t } = useTranslation();
  const kind = Form.useWatch<ArticleKind>('kind');
  const tags = (name: string, label: string) => (
    <Form.Item name={name} label={label} extra={t('knowledge.tagsHint')}>
      <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
    </Form.Item>
  );
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t('knowledge.field.kind')} rules={[{ required: true }]}>
            <Select
              disabled={!creating}
              data-testid="kb-form-kind"
              options={ARTICLE_KINDS.map((k) => ({ value: k, label: t(`knowledge.kind.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          {creating && (
            <Form.Item
              name="slug"
              label={t('knowledge.field.slug')}
              rules={[{ required: true, pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/, min: 3, max: 80 }]}
            >
              <Input className="anxin-mono" data-testid="kb-form-slug" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item
        name="title"
        label={t('knowledge.field.title')}
        rules={[{ required: true, min: 2, max: 120 }]}
      >
        <Input data-testid="kb-form-title" />
      </Form.Item>
      <Form.Item name="summary" label={t('knowledge.field.summary')} rules={[{ max: 500 }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="visibility" label={t('knowledge.field.visibility')}>
            <Radio.Group
              optionType="button"
              options={(['internal', 'public'] as const).map((v) => ({
                value: v,
                label: t(`knowledge.visibility.${v}`),
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="categoryCode" label={t('knowledge.field.categoryCode')}>
            <Select
              allowClear
              options={CATEGORIES.map((c) => ({ value: c, label: t(`knowledge.category.${c}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>{tags('modelCodes', t('knowledge.field.modelCodes'))}</Col>
        <Col span={8}>{tags('faultCodes', t('knowledge.field.faultCodes'))}</Col>
        <Col span={8}>{tags('keywords', t('knowledge.field.keywords'))}</Col>
      </Row>
      {kind === 'fault' && (
        <>
          <Form.Item
            name="symptom"
            label={t('knowledge.field.symptom')}
            rules={[{ required: true, max: 500 }]}
          >
            <Input data-testid="kb-form-symptom" />
          </Form.Item>
          <Form.Item name="causes" label={t('knowledge.field.causes')} extra={t('knowledge.linesHint')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item
            name="checks"
            label={t('knowledge.field.checks')}
            extra={t('knowledge.linesHint')}
            rules={[{ required: true }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="kb-form-checks" />
          </Form.Item>
          <Form.Item name="fix" label={t('knowledge.field.fix')} rules={[{ required: true, max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="kb-form-fix" />
          </Form.Item>
        </>
      )}
      <Form.Item name="body" label={t('knowledge.field.body')} rules={[{ max: 20000 }]}>
        <Input.TextArea autoSize={{ minRows: kind === 'fault' ? 2 : 6, maxRows: 16 }} />
      </Form.Item>
      <AttachmentsField />
    </>
  );
}
