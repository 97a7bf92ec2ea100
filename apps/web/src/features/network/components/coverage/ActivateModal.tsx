import { useEffect, useState } from 'react';
import { Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Prospect } from '@anxin/contracts';
import { ProblemAlert } from '../../../../components/ProblemAlert.tsx';
import { useOutlets } from '../../api.ts';

/** Activating a signed prospect links it to the outlet it became. */
export function ActivateModal({
  prospect,
  onClose,
  onOk,
}: {
  prospect: Prospect | null;
  onClose: () => void;
  onOk: (outletId: string) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const outlets = useOutlets({ region: prospect?.regionCode.slice(0, 4) });
  const [value, setValue] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setValue(undefined);
    setError(null);
  }, [prospect]);
  return (
    <Modal
      open={!!prospect}
      title={t('network.coverage.activateTitle')}
      onCancel={onClose}
      okButtonProps={{ disabled: !value }}
      onOk={async () => {
        try {
          await onOk(value!);
          onClose();
        } catch (e) {
          setError(e);
        }
      }}
    >
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Typography.Paragraph type="secondary">
        {t('network.coverage.linkedOutletRequired')}
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        value={value}
        onChange={setValue}
        placeholder={t('network.coverage.linkedOutlet')}
        options={(outlets.data?.items ?? []).map((o) => ({ value: o.id, label: `${o.code} ${o.name}` }))}
      />
    </Modal>
  );
}
