import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutletGrade, Scorecard } from '@anxin/contracts';

const COLOR: Record<OutletGrade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };

export function GradeTag({ grade, testId }: { grade: OutletGrade; testId?: string }) {
  return (
    <Tag
      color={COLOR[grade]}
      style={{ fontWeight: 600, minWidth: 28, textAlign: 'center' }}
      data-testid={testId}
    >
      {grade}
    </Tag>
  );
}

/** The month's grade, with the low-volume rule explained when it kept the previous grade. */
export function CardGrade({ card, minOrders }: { card: Scorecard; minOrders?: number | undefined }) {
  const { t } = useTranslation();
  const tag = <GradeTag grade={card.grade} testId={`grading-grade-${card.outletCode}`} />;
  if (card.lowVolume)
    return (
      <Tooltip
        title={
          <>
            {t('grading.lowVolume', { min: minOrders ?? '—', grade: card.previousGrade })}
            {card.scoreGrade && <div>{t('grading.scoreGrade', { grade: card.scoreGrade })}</div>}
          </>
        }
      >
        <span>
          {tag}
          <Tag bordered={false}>{t('grading.lowVolumeShort')}</Tag>
        </span>
      </Tooltip>
    );
  return tag;
}
