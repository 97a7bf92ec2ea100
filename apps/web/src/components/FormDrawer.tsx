import type { ReactNode } from 'react';
import { Button, Drawer, Space } from 'antd';

/**
 * The drawer every create/edit form uses: a title, Cancel and Save in the header (Save submits the
 * form and spins while saving), the form below. Closing discards the form.
 */
export function FormDrawer({
  open,
  onClose,
  width,
  title,
  saving,
  onSave,
  saveTestId,
  cancelText,
  saveText,
  children,
}: {
  open: boolean;
  onClose: () => void;
  width: number;
  title: ReactNode;
  saving: boolean;
  onSave: () => void;
  saveTestId: string;
  cancelText: string;
  saveText: string;
  children: ReactNode;
}) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={width}
      title={title}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{cancelText}</Button>
          <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
            {saveText}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
