import { createElement } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { hintKeyOf, type NavItem } from './navigation.ts';
import { NAV_ICONS } from './navIcons.ts';

/** Cards linking to navigation items (dashboard shortcuts, settings overview). */
export function ShortcutGrid({ items }: { items: NavItem[] }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => (
        <Col key={item.key} xs={24} sm={12} lg={8} xxl={6}>
          <Link to={item.path} data-testid={`shortcut-${item.key}`} className="anxin-shortcut">
            <Card hoverable size="small" styles={{ body: { padding: 16 } }}>
              <div className="anxin-shortcut__body">
                <span className="anxin-shortcut__icon">
                  {item.icon ? createElement(NAV_ICONS[item.icon]) : null}
                </span>
                <span className="anxin-shortcut__text">
                  <Typography.Text strong>{t(item.labelKey)}</Typography.Text>
                  <Typography.Text type="secondary" className="anxin-shortcut__hint">
                    {t(hintKeyOf(item.labelKey))}
                  </Typography.Text>
                </span>
                <RightOutlined className="anxin-shortcut__arrow" />
              </div>
            </Card>
          </Link>
        </Col>
      ))}
    </Row>
  );
}
