import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { CheckCircleFilled, LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { LoginRequest } from '@anxin/contracts';
import { safeNextPath } from '../../../api/client.ts';
import { BrandLogo, BrandMark } from '../../../components/BrandLogo.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { LanguageSwitch } from '../../../app/LanguageSwitch.tsx';
import { useLogin, useMe } from '../api.ts';

const HERO_POINTS = ['intake', 'dispatch', 'callback'] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const reason = params.get('reason');
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginRequest>();

  if (me.data) return <Navigate to={next} replace />;

  const onFinish = (values: LoginRequest) =>
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => navigate(next, { replace: true }) },
    );

  const notice =
    reason === 'expired' ? t('auth.sessionExpired') : reason === 'logged_out' ? t('auth.loggedOut') : null;

  return (
    <div className="anxin-login" data-testid="login-page">
      <aside className="anxin-login__hero">
        <div className="anxin-login__hero-inner">
          <BrandLogo size={40} />
          <Typography.Title level={2} className="anxin-login__hero-title">
            {t('auth.heroTitle')}
          </Typography.Title>
          <ul className="anxin-login__points">
            {HERO_POINTS.map((p) => (
              <li key={p}>
                <CheckCircleFilled /> <span>{t(`auth.heroPoints.${p}`)}</span>
              </li>
            ))}
          </ul>
        </div>
      </aside>
      <main className="anxin-login__panel">
        <div className="anxin-login__lang">
          <LanguageSwitch />
        </div>
        <Card className="anxin-login__card" variant="borderless">
          <div className="anxin-login__mark">
            <BrandMark size={44} />
          </div>
          <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
            {t('auth.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 24 }}>
            {t('brand.tagline')}
          </Typography.Paragraph>
          {notice && !login.error && (
            <Alert
              type="info"
              showIcon
              title={notice}
              style={{ marginBottom: 16 }}
              data-testid="login-notice"
            />
          )}
          {login.error && <ProblemAlert error={login.error} style={{ marginBottom: 16 }} />}
          <Form<LoginRequest>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => login.error && login.reset()}
            disabled={login.isPending}
            size="large"
          >
            <Form.Item
              name="username"
              label={t('auth.username')}
              rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                autoFocus
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                maxLength={64}
                data-testid="login-username"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                maxLength={256}
                data-testid="login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={login.isPending}
              data-testid="login-submit"
            >
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
