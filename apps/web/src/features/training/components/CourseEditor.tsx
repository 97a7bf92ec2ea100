import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Checkbox,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TrainingCourse } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCategories, useCategoryName } from '../../customers/index.ts';
import { useCreateCourse, useUpdateCourse, useUploadCourseFile } from '../api.ts';
import { courseBody, EMPTY_COURSE, formValuesOf, optionId, type CourseFormValues } from './courseForm.ts';

/**
 * Writes a course draft: title, certification, lessons (text, an uploaded video or attachment, a
 * knowledge article) and the quiz. Opened with a course only while it is a draft (the server
 * refuses edits to a published edition anyway).
 */
export function CourseEditor({
  course,
  open,
  onClose,
  onSaved,
}: {
  course: TrainingCourse | null;
  open: boolean;
  onClose: () => void;
  onSaved: (c: TrainingCourse) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CourseFormValues>();
  const create = useCreateCourse();
  const update = useUpdateCourse(course?.id ?? '');
  const save = course ? update : create;
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      form.setFieldsValue(course ? formValuesOf(course) : EMPTY_COURSE);
      setError(null);
    }
  }, [open, course, form]);

  const submit = async (v: CourseFormValues) => {
    setError(null);
    try {
      const body = courseBody(v);
      const saved = course
        ? await update.mutateAsync({ ...body, version: course.version })
        : await create.mutateAsync(body);
      message.success(t('training.editor.saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
      applyFieldErrors(form, err);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={760}
      title={course ? t('training.editor.titleEdit', { n: course.edition }) : t('training.editor.titleNew')}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={save.isPending}
          onClick={() => form.submit()}
          data-testid="course-save"
        >
          {t('training.editor.save')}
        </Button>
      }
    >
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="course-editor">
        <Form.Item
          name="title"
          label={t('training.field.title')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={120} data-testid="course-title" />
        </Form.Item>
        <Form.Item name="description" label={t('training.field.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="categoryCode" label={t('training.field.category')} style={{ minWidth: 200 }}>
            <CategorySelect />
          </Form.Item>
          <Form.Item
            name="certificationName"
            label={t('training.field.certificationName')}
            style={{ flex: 1 }}
          >
            <Input maxLength={120} placeholder={t('training.placeholder.certificationName')} />
          </Form.Item>
          <Form.Item name="validityMonths" label={t('training.field.validityMonths')}>
            <InputNumber min={1} max={120} placeholder={t('training.placeholder.policyDefault')} />
          </Form.Item>
          <Form.Item name="passMark" label={t('training.field.passMark')}>
            <InputNumber min={1} max={100} placeholder={t('training.placeholder.policyDefault')} />
          </Form.Item>
        </Flex>
        <Lessons course={course} />
        <Questions />
      </Form>
    </Drawer>
  );
}

function CategorySelect(props: { value?: string | null; onChange?: (v: string | null) => void }) {
  const { t } = useTranslation();
  const categories = useCategories();
  const name = useCategoryName();
  return (
    <Select
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder={t('training.placeholder.noCategory')}
      options={(categories.data?.items ?? [])
        .filter((c) => c.active)
        .map((c) => ({ value: c.code, label: name(c.code) }))}
      data-testid="course-category"
    />
  );
}

function Lessons({ course }: { course: TrainingCourse | null }) {
  const { t } = useTranslation();
  const upload = useUploadCourseFile();
  const [uploaded, setUploaded] = useState<{ id: string; filename: string }[]>([]);
  const files = [
    ...(course?.files ?? []),
    ...uploaded.filter((u) => !course?.files.some((f) => f.id === u.id)),
  ];
  return (
    <>
      <Typography.Title level={5}>{t('training.field.lessons')}</Typography.Title>
      <Form.List name="lessons">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={t('training.editor.lesson', { n: i + 1 })}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('training.editor.remove')}
                  />
                }
              >
                <Form.Item
                  name={[f.name, 'title']}
                  label={t('training.editor.lessonTitle')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={120} data-testid={`lesson-title-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'body']} label={t('training.editor.lessonBody')}>
                  <Input.TextArea rows={4} maxLength={20000} data-testid={`lesson-body-${i}`} />
                </Form.Item>
                <Flex gap={12} wrap>
                  <Form.Item
                    name={[f.name, 'fileId']}
                    label={t('training.editor.lessonFile')}
                    style={{ minWidth: 240 }}
                  >
                    <Select
                      allowClear
                      placeholder={t('training.editor.noFile')}
                      options={files.map((x) => ({ value: x.id, label: x.filename }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'articleId']}
                    label={t('training.editor.lessonArticle')}
                    style={{ flex: 1 }}
                  >
                    <Input maxLength={64} />
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            <Space>
              <Button icon={<PlusOutlined />} onClick={() => add({ title: '' })} data-testid="lesson-add">
                {t('training.editor.addLesson')}
              </Button>
              <Upload
                showUploadList={false}
                disabled={!course}
                accept="video/mp4,video/quicktime,application/pdf,image/*"
                customRequest={({ file, onSuccess, onError }) => {
                  upload
                    .mutateAsync({ courseId: course!.id, file: file as File })
                    .then((r) => {
                      setUploaded((u) => [...u, r]);
                      onSuccess?.(r);
                    })
                    .catch((e: Error) => onError?.(e));
                }}
              >
                <Button icon={<UploadOutlined />} disabled={!course} loading={upload.isPending}>
                  {t('training.editor.upload')}
                </Button>
              </Upload>
              {!course && (
                <Typography.Text type="secondary">{t('training.editor.uploadFirst')}</Typography.Text>
              )}
            </Space>
            <ProblemAlert error={upload.error} />
          </Flex>
        )}
      </Form.List>
    </>
  );
}

function Questions() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('training.field.questions')}
      </Typography.Title>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={t('training.editor.question', { n: i + 1 })}
                extra={
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('training.editor.remove')}
                  />
                }
              >
                <Form.Item
                  name={[f.name, 'text']}
                  label={t('training.editor.questionText')}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={500} data-testid={`question-text-${i}`} />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']}>
                  <Radio.Group
                    optionType="button"
                    options={(['single', 'multiple'] as const).map((k) => ({
                      value: k,
                      label: t(`training.editor.kind.${k}`),
                    }))}
                  />
                </Form.Item>
                <Options name={f.name} index={i} />
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({ text: '', kind: 'single', options: [{ text: '' }, { text: '' }], correct: 0 })
              }
              data-testid="question-add"
            >
              {t('training.editor.addQuestion')}
            </Button>
          </Flex>
        )}
      </Form.List>
    </>
  );
}

/** A question's options, and which are right (a radio for single choice, boxes for multiple). */
function Options({ name, index }: { name: number; index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CourseFormValues>();
  const kind = Form.useWatch(['questions', name, 'kind'], form);
  const options = Form.useWatch(['questions', name, 'options'], form) ?? [];
  const choices = options.map((_: unknown, j: number) => ({ value: j, label: optionId(j).toUpperCase() }));
  return (
    <>
      <Form.List name={[name, 'options']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={4}>
            {fields.map((o, j) => (
              <Flex key={o.key} gap={8} align="baseline">
                <Typography.Text strong style={{ width: 16 }}>
                  {optionId(j).toUpperCase()}
                </Typography.Text>
                <Form.Item
                  name={[o.name, 'text']}
                  rules={[{ required: true, whitespace: true }]}
                  style={{ flex: 1, marginBottom: 4 }}
                >
                  <Input
                    maxLength={200}
                    aria-label={t('training.editor.option', { id: optionId(j).toUpperCase() })}
                    data-testid={`option-${index}-${j}`}
                  />
                </Form.Item>
                {fields.length > 2 && (
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(o.name)}
                    aria-label={t('training.editor.remove')}
                  />
                )}
              </Flex>
            ))}
            {fields.length < 8 && (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ text: '' })}
                style={{ width: 160 }}
              >
                {t('training.editor.addOption')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
      <Form.Item
        name={[name, 'correct']}
        label={t('training.editor.correct')}
        rules={[{ required: true }]}
        style={{ marginTop: 8, marginBottom: 0 }}
      >
        {kind === 'multiple' ? (
          <Checkbox.Group options={choices} />
        ) : (
          <Radio.Group options={choices} data-testid={`correct-${index}`} />
        )}
      </Form.Item>
    </>
  );
}
