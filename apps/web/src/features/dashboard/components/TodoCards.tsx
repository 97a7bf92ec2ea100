import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkbenchTodo, WorkbenchTodoKey } from '@anxin/contracts';

/** To-dos that are late by definition: shown in red while there are any. */
const ALARMING = new Set<WorkbenchTodoKey>(['orders_overdue', 'orders_returned', 'statements_disputed']);

/** 我的待办: one card per to-do, the big count linking to the list it counts. */
export function TodoCards({ todos }: { todos: WorkbenchTodo[] }) {
  const { t } = useTranslation();
  if (!todos.length)
    return (
      <Card size="small">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.todos.empty')} />
      </Card>
    );
  return (
    <Row gutter={[16, 16]}>
      {todos.map((todo) => {
        const label = t(`dashboard.todos.keys.${todo.key}.label`);
        const alarming = ALARMING.has(todo.key) && todo.count > 0;
        return (
          <Col key={todo.key} xs={24} sm={12} lg={8} xl={6}>
            <Link to={todo.link} data-testid={`todo-${todo.key}`} aria-label={label}>
              <Card hoverable size="small" className="anxin-todo">
                <Statistic
                  title={label}
                  value={todo.count}
                  suffix={todo.capped ? '+' : undefined}
                  valueStyle={{
                    fontSize: 32,
                    fontWeight: 600,
                    color: alarming ? '#cf1322' : todo.count > 0 ? '#1677ff' : undefined,
                  }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`dashboard.todos.keys.${todo.key}.hint`)}
                </Typography.Text>
              </Card>
            </Link>
          </Col>
        );
      })}
    </Row>
  );
}
