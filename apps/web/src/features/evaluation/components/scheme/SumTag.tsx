import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { pts } from '../grade.tsx';
import { centi } from './schemeMath.ts';

/** A sum against the points it must add up to, green when equal. */
export function SumTag({ value, of, testId }: { value: number; of: number; testId: string }) {
  const { t } = useTranslation();
  const ok = centi(value) === centi(of);
  return (
    <Tag color={ok ? 'green' : 'red'} data-testid={testId} data-ok={ok ? 'true' : 'false'}>
      {t('evaluation.scheme.sum', { sum: pts(value), points: pts(of) })}
    </Tag>
  );
}
