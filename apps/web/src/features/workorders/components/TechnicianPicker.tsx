import { Select, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SuggestionList } from '@anxin/contracts';
import { api } from '../../../api/client.ts';

/**
 * 工程师 picker for a transition dialog: the order's outlet's technicians as ranked by the
 * assignment module; those who cannot take the order are shown but cannot be chosen.
 */
export function TechnicianPicker({
  orderId,
  value,
  onChange,
}: {
  orderId: string;
  value?: string;
  onChange?: (v: string) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['work-orders', orderId, 'technician-suggestions'],
    queryFn: ({ signal }) =>
      api.get<SuggestionList>(`/api/v1/work-orders/${orderId}/technician-suggestions`, undefined, { signal }),
  });
  return (
    <Select
      autoFocus
      showSearch={{ optionFilterProp: 'label' }}
      loading={q.isPending}
      value={value}
      onChange={onChange}
      placeholder={t('workorders.transition.pickTechnician')}
      data-testid="transition-technician"
      options={(q.data?.items ?? []).map((s) => ({
        value: s.technicianId,
        label: s.name,
        disabled: !s.eligible,
        title: s.name,
        display: (
          <Space size={6}>
            <Typography.Text>{s.name}</Typography.Text>
            <Tag color={s.eligible ? 'success' : 'error'}>
              {t(s.eligible ? 'workorders.transition.eligible' : 'workorders.transition.ineligible')}
            </Tag>
            {s.distanceKm !== null && (
              <Typography.Text type="secondary">{`${s.distanceKm.toFixed(1)} km`}</Typography.Text>
            )}
          </Space>
        ),
      }))}
      optionRender={(o) => o.data.display}
    />
  );
}
