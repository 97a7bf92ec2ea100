import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Flex,
  Grid,
  Skeleton,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@anxin/contracts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useRoles, useSetRolePermissions } from '../api.ts';
import { permissionLabel, resourceLabel, resourceOf, roleLabel } from '../permissionLabels.ts';

interface Row {
  permission: Permission;
  resource: string;
  span: number;
}

const sameSet = (a: Set<string>, b: readonly string[]) => a.size === b.length && b.every((x) => a.has(x));

/** 角色与权限: roles × permissions grouped by resource; each role's column is saved on its own. */
export default function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = me.permissions.includes('role:manage');
  const roles = useRoles();
  const save = useSetRolePermissions();
  // Only the roles being edited have an entry; the others show the saved permissions.
  const [edits, setEdits] = useState<Record<string, Set<Permission>>>({});
  const [savingRole, setSavingRole] = useState<string | null>(null);
  // Pinned label columns would leave no room for the checkboxes on a phone.
  const pin = Grid.useBreakpoint().md ? ('left' as const) : undefined;

  const draft: Record<string, Set<Permission>> = Object.fromEntries(
    (roles.data?.items ?? []).map((r) => [r.role, edits[r.role] ?? new Set(r.permissions)]),
  );
  /** Replaces one role's pending edit; `null` drops it (back to the saved permissions). */
  const setRole = (role: string, next: Set<Permission> | null) =>
    setEdits(({ [role]: _old, ...rest }) => (next ? { ...rest, [role]: next } : rest));

  const rows = useMemo<Row[]>(() => {
    const catalogue = roles.data?.catalogue ?? [];
    const counts = new Map<string, number>();
    catalogue.forEach((p) => counts.set(resourceOf(p), (counts.get(resourceOf(p)) ?? 0) + 1));
    const seen = new Set<string>();
    return catalogue.map((permission) => {
      const resource = resourceOf(permission);
      const first = !seen.has(resource);
      seen.add(resource);
      return { permission, resource, span: first ? counts.get(resource)! : 0 };
    });
  }, [roles.data]);

  if (roles.isPending) return <Skeleton active />;
  if (roles.error) return <ProblemAlert error={roles.error} />;

  const toggle = (role: string, p: Permission, on: boolean) => {
    const next = new Set(draft[role]);
    if (on) next.add(p);
    else next.delete(p);
    setRole(role, next);
  };

  const saveRole = async (role: string) => {
    setSavingRole(role);
    try {
      await save.mutateAsync({ role, permissions: [...(draft[role] ?? [])] });
      setRole(role, null);
      message.success(t('settings.rolesPage.saved', { role: roleLabel(t, role) }));
    } catch {
      // Shown by the ProblemAlert below.
    } finally {
      setSavingRole(null);
    }
  };

  const dirtyRoles = roles.data.items.filter((r) => !sameSet(draft[r.role] ?? new Set(), r.permissions));

  const roleColumns = roles.data.items.map((r) => {
    const set = draft[r.role] ?? new Set<Permission>();
    const dirty = !sameSet(set, r.permissions);
    return {
      key: r.role,
      width: 132,
      align: 'center' as const,
      title: (
        <Flex vertical align="center" gap={4}>
          <Tooltip title={r.description || undefined}>
            <Badge dot={dirty} offset={[6, 0]}>
              <span className="anxin-roles__role">{roleLabel(t, r.role)}</span>
            </Badge>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>
            {t('settings.rolesPage.count', { count: set.size })} ·{' '}
            {t(`scopes.${r.defaultScope as 'all'}`, { regions: '' })}
          </Typography.Text>
          {canManage && dirty && (
            <Space size={4}>
              <Button
                size="small"
                type="primary"
                icon={<SaveOutlined />}
                loading={savingRole === r.role}
                onClick={() => saveRole(r.role)}
              >
                {t('settings.actions.save')}
              </Button>
              <Button
                size="small"
                icon={<UndoOutlined />}
                aria-label={t('settings.rolesPage.revert')}
                onClick={() => setRole(r.role, null)}
              />
            </Space>
          )}
        </Flex>
      ),
      render: (_: unknown, row: Row) => (
        <Checkbox
          checked={set.has(row.permission)}
          disabled={!canManage}
          onChange={(e) => toggle(r.role, row.permission, e.target.checked)}
          aria-label={`${roleLabel(t, r.role)} · ${permissionLabel(t, row.permission)}`}
          data-testid={`perm-${r.role}-${row.permission}`}
        />
      ),
    };
  });

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('nav.roles')} description={t('settings.rolesPage.subtitle')} />
      <Alert
        type={canManage ? 'warning' : 'info'}
        showIcon
        title={canManage ? t('settings.rolesPage.auditNote') : t('settings.rolesPage.readOnly')}
        data-testid="roles-audit-note"
      />
      <ProblemAlert error={save.error} />
      {dirtyRoles.length > 0 && (
        <Card size="small" data-testid="roles-dirty-bar">
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{t('settings.rolesPage.unsaved')}</Typography.Text>
            {dirtyRoles.map((r) => (
              <Space.Compact key={r.role}>
                <Button
                  type="primary"
                  icon={<SaveOutlined />}
                  loading={savingRole === r.role}
                  onClick={() => saveRole(r.role)}
                  data-testid={`role-save-${r.role}`}
                >
                  {t('settings.rolesPage.saveRole', { role: roleLabel(t, r.role) })}
                </Button>
                <Button
                  icon={<UndoOutlined />}
                  aria-label={t('settings.rolesPage.revert')}
                  onClick={() => setRole(r.role, null)}
                  data-testid={`role-revert-${r.role}`}
                />
              </Space.Compact>
            ))}
          </Flex>
        </Card>
      )}
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          data-testid="roles-matrix"
          rowKey="permission"
          size="small"
          pagination={false}
          sticky={{ offsetHeader: 56 }}
          scroll={{ x: 240 + 132 * roles.data.items.length }}
          dataSource={rows}
          columns={[
            {
              key: 'resource',
              title: t('settings.rolesPage.resource'),
              fixed: pin,
              width: pin ? 110 : 72,
              onCell: (row) => ({ rowSpan: row.span }),
              render: (_, row) => <Typography.Text strong>{resourceLabel(t, row.resource)}</Typography.Text>,
            },
            {
              key: 'permission',
              title: t('settings.rolesPage.permission'),
              fixed: pin,
              width: pin ? 180 : 130,
              render: (_, row) => (
                <Flex vertical>
                  <span>{permissionLabel(t, row.permission)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 11 }} code>
                    {row.permission}
                  </Typography.Text>
                </Flex>
              ),
            },
            ...roleColumns,
          ]}
        />
      </Card>
    </Flex>
  );
}
