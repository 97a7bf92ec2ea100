import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Form, Input, Typography, type InputRef } from 'antd';
import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError, safeNextPath } from '../../../api/client.ts';
import { BrandMark } from '../../../components/BrandLogo.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useMe } from '../../auth/index.ts';
import { isMobile, useSendCode, useSignIn } from '../api.ts';
import { PortalLocaleToggle } from '../components/PortalLocaleToggle.tsx';

/** Counts down once a second to zero. */
function useCountdown(): [number, (s: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return undefined;
    const id = window.setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => window.clearTimeout(id);
  }, [left]);
  return [left, setLeft];
}

/**
 * How long a refused request must wait: the one-time code caps name it in their parameters
 * (`retryAfterSeconds`); another 429 (the per-address limiter) waits out a resend interval. Long
 * waits (a daily cap) are not counted down on the button; the refusal text says how long.
 */
function retryAfterOf(e: unknown): number | null {
  if (!isApiError(e) || e.status !== 429) return null;
  const given = e.params.retryAfterSeconds;
  const wait = typeof given === 'number' && given > 0 ? given : 60;
  return Math.min(wait, 600);
}

export default function PortalLoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [left, setLeft] = useCountdown();
  const send = useSendCode();
  const signIn = useSignIn();
  const codeRef = useRef<InputRef>(null);
  const phoneOk = isMobile(phone);
  const next = safeNextPath(params.get('next'));
  const target = next.startsWith('/portal') ? next : '/portal/orders';

  useEffect(() => {
    if (me.data?.kind === 'customer') void navigate(target, { replace: true });
  }, [me.data, navigate, target]);

  const onSend = () => {
    if (!phoneOk || left > 0) return;
    signIn.reset();
    send.mutate(phone, {
      onSuccess: (r) => {
        setSentTo(r.sentTo);
        setLeft(r.resendAfterSeconds);
        window.setTimeout(() => codeRef.current?.focus(), 0);
      },
      onError: (e) => {
        const wait = retryAfterOf(e);
        if (wait) setLeft(wait);
      },
    });
  };

  const onSubmit = () => {
    if (!phoneOk || code.length !== 6) return;
    signIn.mutate({ phone, code }, { onSuccess: () => void navigate(target, { replace: true }) });
  };

  return (
    <div className="portal-login">
      <div className="portal-login__top">
        <PortalLocaleToggle />
      </div>
      <div className="portal-login__hero">
        <BrandMark size={56} />
        <Typography.Title level={2} className="portal-login__brand">
          {t('brand.name')}
        </Typography.Title>
        <Typography.Text className="portal-login__tagline">{t('portal.tagline')}</Typography.Text>
      </div>
      <div className="portal-card portal-login__card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('portal.login.heading')}
        </Typography.Title>
        {params.get('reason') === 'expired' && (
          <Alert type="info" showIcon title={t('portal.login.expired')} style={{ marginBottom: 16 }} />
        )}
        {me.data && me.data.kind !== 'customer' && (
          <Alert
            type="warning"
            showIcon
            title={t('portal.login.staffSession')}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form layout="vertical" onFinish={onSubmit} requiredMark={false}>
          <Form.Item
            label={t('portal.login.phone')}
            validateStatus={phone.length >= 11 && !phoneOk ? 'error' : undefined}
            help={phone.length >= 11 && !phoneOk ? t('portal.login.phoneInvalid') : undefined}
          >
            <Input
              size="large"
              autoFocus
              type="tel"
              inputMode="numeric"
              autoComplete="tel-national"
              maxLength={13}
              prefix={<MobileOutlined />}
              placeholder={t('portal.login.phonePlaceholder')}
              value={phone}
              onChange={(e) => setPhone(e.target.value.replace(/[^\d\s-]/g, ''))}
              data-testid="portal-phone"
            />
          </Form.Item>
          <Form.Item
            label={t('portal.login.code')}
            extra={sentTo ? t('portal.login.sent', { phone: sentTo }) : t('portal.login.hint')}
          >
            <div className="portal-code-row">
              <Input
                ref={codeRef}
                size="large"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                prefix={<SafetyOutlined />}
                placeholder={t('portal.login.codePlaceholder')}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
                data-testid="portal-code"
              />
              <Button
                size="large"
                className="portal-send"
                disabled={!phoneOk || left > 0}
                loading={send.isPending}
                onClick={onSend}
                data-testid="portal-send-code"
              >
                {left > 0 ? t('portal.login.resendIn', { seconds: left }) : t('portal.login.sendCode')}
              </Button>
            </div>
          </Form.Item>
          {import.meta.env.DEV && sentTo && (
            <span className="portal-dev-hint" data-testid="portal-dev-hint">
              {t('portal.login.devHint')}
            </span>
          )}
          {(send.error || signIn.error) && (
            <ProblemAlert error={signIn.error ?? send.error} style={{ marginBottom: 16 }} />
          )}
          <Button
            type="primary"
            size="large"
            block
            htmlType="submit"
            disabled={!phoneOk || code.length !== 6}
            loading={signIn.isPending}
            className="portal-primary"
            data-testid="portal-login-submit"
          >
            {t('portal.login.submit')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" className="portal-login__agreement">
          {t('portal.login.agreement')}
        </Typography.Paragraph>
      </div>
      <Link to="/portal/price-list" className="portal-login__prices" data-testid="portal-price-link">
        {t('charges.portal.priceList')}
      </Link>
    </div>
  );
}
