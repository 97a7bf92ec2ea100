import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationGrade } from '@anxin/contracts';

export const GRADE_COLORS: Record<EvaluationGrade, string> = {
  fail: 'red',
  pass: 'blue',
  three_star: 'gold',
  four_star: 'orange',
  five_star: 'volcano',
};

export function GradeTag({ grade, testId }: { grade: EvaluationGrade | null; testId?: string }) {
  const { t } = useTranslation();
  if (!grade) return <span data-testid={testId}>—</span>;
  return (
    <Tag color={GRADE_COLORS[grade]} data-testid={testId}>
      {t(`evaluation.grades.${grade}`)}
    </Tag>
  );
}

export const pct = (v: number | null, digits = 1): string =>
  v === null ? '—' : `${(Math.round(v * 10 ** (digits + 2)) / 10 ** digits).toFixed(digits)}%`;

/** Points as typed: integers plain, otherwise up to two decimals. */
export const pts = (n: number): string => String(Math.round(n * 100) / 100);
