import { Button, Drawer, Form, Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { LeaveAndRota } from './technician/LeaveAndRota.tsx';
import { ProfileFields } from './technician/ProfileFields.tsx';
import { CertificationRows, ShiftRows, SkillRows } from './technician/TechnicianRows.tsx';
import { useTechnicianForm } from './technician/useTechnicianForm.ts';

export { defaultWeek } from './technician/useTechnicianForm.ts';

/** Create or edit a technician: profile, skills, certifications, weekly shifts; leave and rota tab. */
export function TechnicianDrawer({
  tech,
  open,
  hq,
  canPickOutlet,
  onClose,
}: {
  tech: Technician | null;
  open: boolean;
  hq: boolean;
  canPickOutlet: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { form, outlets, error, save, submit, catOptions } = useTechnicianForm(tech, open, hq, onClose);

  const profile = (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="technician-form">
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <ProfileFields tech={tech} hq={hq} canPickOutlet={canPickOutlet} outlets={outlets} />
      <Typography.Title level={5}>{t('network.technicians.skills')}</Typography.Title>
      <SkillRows catOptions={catOptions} />
      <Typography.Title level={5}>{t('network.technicians.certifications')}</Typography.Title>
      <CertificationRows tech={tech} catOptions={catOptions} />
      <Typography.Title level={5}>{t('network.technicians.shifts')}</Typography.Title>
      <ShiftRows form={form} />
    </Form>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={tech ? t('network.technicians.editTitle', { name: tech.name }) : t('network.technicians.create')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('network.common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="technician-save"
          >
            {t('network.common.save')}
          </Button>
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'profile', label: t('network.technicians.profile'), children: profile, forceRender: true },
          {
            key: 'calendar',
            label: t('network.technicians.calendarTab'),
            children: tech ? (
              <LeaveAndRota tech={tech} />
            ) : (
              <Typography.Text type="secondary">{t('network.technicians.saveFirst')}</Typography.Text>
            ),
          },
        ]}
      />
    </Drawer>
  );
}
