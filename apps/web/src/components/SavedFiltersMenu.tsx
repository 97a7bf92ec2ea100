import { useState } from 'react';
import { Button, Dropdown, Flex, Input, Modal, Typography } from 'antd';
import { DeleteOutlined, DownOutlined, StarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSavedFilters } from './useSavedFilters.ts';

/**
 * A dropdown of the user's saved filter sets for one list: apply one, delete one, or save the
 * filters now applied under a name. `query` is the list's current address query.
 */
export function SavedFiltersMenu({
  storageKey,
  query,
  onApply,
}: {
  storageKey: string;
  query: string;
  onApply: (query: string) => void;
}) {
  const { t } = useTranslation();
  const { saved, save, remove } = useSavedFilters(storageKey);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const close = () => {
    setNaming(false);
    setName('');
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...saved.map((s) => ({
              key: `apply:${s.name}`,
              label: (
                <Flex justify="space-between" align="center" gap={16} data-testid="saved-filter">
                  <Typography.Text ellipsis style={{ maxWidth: 220 }}>
                    {s.name}
                  </Typography.Text>
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.savedFilters.delete', { name: s.name })}
                    data-testid={`saved-filter-delete-${s.name}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      remove(s.name);
                    }}
                  />
                </Flex>
              ),
              onClick: () => onApply(s.query),
            })),
            ...(saved.length ? [{ type: 'divider' as const }] : []),
            {
              key: 'save',
              label: <span data-testid="saved-filter-save">{t('common.savedFilters.save')}</span>,
              onClick: () => setNaming(true),
            },
          ],
        }}
      >
        <Button icon={<StarOutlined />} data-testid="saved-filters">
          {t('common.savedFilters.title')} <DownOutlined />
        </Button>
      </Dropdown>
      <Modal
        open={naming}
        title={t('common.savedFilters.save')}
        okText={t('common.savedFilters.ok')}
        cancelText={t('common.savedFilters.cancel')}
        okButtonProps={{ disabled: !name.trim() }}
        onOk={() => {
          save(name, query);
          close();
        }}
        onCancel={close}
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={40}
          value={name}
          placeholder={t('common.savedFilters.name')}
          data-testid="saved-filter-name"
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => {
            if (!name.trim()) return;
            save(name, query);
            close();
          }}
        />
      </Modal>
    </>
  );
}
