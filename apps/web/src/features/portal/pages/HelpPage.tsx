import { useRef, useState } from 'react';
import { Button, Empty, Flex, Input, List, Result, Skeleton, Steps, Tag, Typography } from 'antd';
import { CheckCircleOutlined, LeftOutlined, ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { BrandMark } from '../../../components/BrandLogo.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import {
  ArticleAttachments,
  ArticleView,
  endPortalSession,
  startPortalSession,
  usePortalArticle,
  usePortalSearch,
} from '../../knowledge/index.ts';
import { PortalLocaleToggle } from '../components/PortalLocaleToggle.tsx';

/** Guided troubleshooting: one check at a time, "did this fix it?", then the fix or a request. */
function Troubleshoot({ id, onFixed, onFile }: { id: string; onFixed: () => void; onFile: () => void }) {
  const { t } = useTranslation();
  const a = usePortalArticle(id);
  const [step, setStep] = useState(0);
  if (a.isPending) return <Skeleton active />;
  if (!a.data) return <ProblemAlert error={a.error} />;
  const checks = a.data.fault?.checks ?? [];
  const last = step >= checks.length;
  return (
    <Flex vertical gap={12} data-testid="portal-help-article">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {a.data.title}
      </Typography.Title>
      {checks.length > 0 ? (
        <>
          <Typography.Text type="secondary">{a.data.fault!.symptom}</Typography.Text>
          <Steps
            direction="vertical"
            size="small"
            current={step}
            items={checks.map((c, i) => ({
              title: c,
              ...(i === step
                ? {
                    description: (
                      <Flex gap={8} style={{ marginTop: 8 }} wrap>
                        <Button type="primary" onClick={onFixed} data-testid="portal-help-fixed">
                          {t('knowledge.portal.fixed')}
                        </Button>
                        <Button onClick={() => setStep(step + 1)} data-testid="portal-help-next">
                          {t('knowledge.portal.notFixed')}
                        </Button>
                      </Flex>
                    ),
                  }
                : {}),
            }))}
          />
          <ArticleAttachments attachments={a.data.attachments} portal />
          {last && (
            <Result
              status="info"
              icon={<ToolOutlined />}
              title={t('knowledge.portal.stillBroken')}
              subTitle={a.data.fault!.fix}
              extra={
                <Button type="primary" onClick={onFile} data-testid="portal-help-file">
                  {t('knowledge.portal.file')}
                </Button>
              }
            />
          )}
        </>
      ) : (
        <>
          <ArticleView article={a.data} portal />
          <Flex gap={8} wrap>
            <Button type="primary" onClick={onFixed} data-testid="portal-help-fixed">
              {t('knowledge.portal.answered')}
            </Button>
            <Button onClick={onFile}>{t('knowledge.portal.file')}</Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}

/** 自助服务 (public, phone layout): search the public articles and troubleshoot before filing. */
export default function PortalHelpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [fixed, setFixed] = useState(false);
  const session = useRef<Promise<{ id: string }> | null>(null);
  const hits = usePortalSearch(q);
  const search = (v: string) => {
    setQ(v);
    setOpen(null);
    // One visit per page load: its outcome is what the deflection figure counts.
    if (v.trim() && !session.current) session.current = startPortalSession(v.trim());
  };
  const end = async (outcome: 'fixed' | 'filed') => {
    const s = await session.current?.catch(() => null);
    if (s) await endPortalSession(s.id, outcome, open ?? undefined).catch(() => null);
  };
  return (
    <div className="portal-shell" data-testid="portal-help">
      <header className="portal-header">
        <Button
          type="text"
          icon={<LeftOutlined />}
          onClick={() => void navigate(-1)}
          aria-label={t('knowledge.portal.back')}
        />
        <BrandMark size={26} />
        <PortalLocaleToggle />
      </header>
      <main className="portal-main">
        <div className="portal-page">
          <div className="portal-card">
            {fixed ? (
              <Result
                status="success"
                icon={<CheckCircleOutlined />}
                title={t('knowledge.portal.glad')}
                subTitle={t('knowledge.portal.gladHint')}
                data-testid="portal-help-done"
              />
            ) : (
              <Flex vertical gap={12}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {t('knowledge.portal.title')}
                </Typography.Title>
                <Typography.Text type="secondary">{t('knowledge.portal.hint')}</Typography.Text>
                <Input.Search
                  size="large"
                  enterButton
                  allowClear
                  placeholder={t('knowledge.portal.placeholder')}
                  onSearch={search}
                  data-testid="portal-help-search"
                />
                <ProblemAlert error={hits.error} />
                {open ? (
                  <Troubleshoot
                    id={open}
                    onFixed={() => void end('fixed').then(() => setFixed(true))}
                    onFile={() => void end('filed').then(() => navigate('/portal/new'))}
                  />
                ) : (
                  q &&
                  hits.data &&
                  (hits.data.items.length ? (
                    <List
                      dataSource={hits.data.items}
                      renderItem={(h) => (
                        <List.Item
                          onClick={() => setOpen(h.id)}
                          style={{ cursor: 'pointer' }}
                          data-testid="portal-help-hit"
                        >
                          <List.Item.Meta
                            title={
                              <Flex gap={6} align="center">
                                {h.kind && <Tag color="blue">{t(`knowledge.kind.${h.kind}`)}</Tag>}
                                {h.title}
                              </Flex>
                            }
                            description={h.snippet}
                          />
                        </List.Item>
                      )}
                    />
                  ) : (
                    <Empty description={t('knowledge.portal.none')}>
                      <Button
                        type="primary"
                        onClick={() => void end('filed').then(() => navigate('/portal/new'))}
                      >
                        {t('knowledge.portal.file')}
                      </Button>
                    </Empty>
                  ))
                )}
              </Flex>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
