import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatementLine } from '@anxin/contracts';
import { yuan } from '../api.ts';

type Rule = Record<string, any>;

/** A line's rule spelled out, one fact per row (the tooltip on the amount and the detail drawer). */
export function RuleText({ line }: { line: StatementLine }) {
  const { t } = useTranslation();
  const r = line.rule as Rule;
  const rows: string[] = [];
  if (line.kind === 'fee' && r.partClaim) {
    // A passed 旧件 claim (issue #15): paid per unit, no grade coefficient.
    rows.push(
      t('settlement.detail.rulePartClaim', {
        code: r.partClaim.itemCode,
        qty: r.partClaim.qty,
        amount: yuan(r.perUnitFen ?? 0),
        date: String(r.partClaim.inspectedAt ?? '').slice(0, 10),
      }),
    );
  } else if (line.kind === 'fee') {
    rows.push(
      r.base?.matched
        ? t('settlement.detail.ruleBase', { amount: yuan(r.base.feeFen), matched: r.base.matched })
        : t('settlement.detail.ruleNoBase'),
    );
    rows.push(
      r.distance?.km === null || r.distance?.km === undefined
        ? t('settlement.detail.ruleNoDistance')
        : t('settlement.detail.ruleDistance', {
            km: r.distance.km,
            band: (r.distance.band ?? 0) + 1,
            amount: yuan(r.distance.surchargeFen ?? 0),
          }),
    );
    if (r.remote?.regionCode)
      rows.push(
        t('settlement.detail.ruleRemote', { code: r.remote.regionCode, amount: yuan(r.remote.surchargeFen) }),
      );
    rows.push(t('settlement.detail.ruleCoefficient', { grade: r.grade, coefficient: r.coefficient }));
    if (r.parts?.lines)
      rows.push(t('settlement.detail.ruleParts', { lines: r.parts.lines, amount: yuan(r.parts.perLineFen) }));
  } else if (r.rmaChargeback) {
    // An RMA case closed with the outlet responsible (issue #14): the cost it bears.
    rows.push(
      t('settlement.detail.ruleRmaChargeback', {
        number: r.rmaChargeback.caseNumber,
        amount: yuan(r.amountFen ?? Math.abs(line.amountFen)),
        date: String(r.rmaChargeback.closedAt ?? '').slice(0, 10),
      }),
    );
  } else if (line.kind === 'adjustment') {
    rows.push(t('settlement.detail.ruleAdjust', { from: yuan(r.fromFen ?? 0), to: yuan(r.toFen ?? 0) }));
  } else if (line.kind === 'reversal' || line.kind === 'credit') {
    rows.push(t('settlement.detail.ruleAppeal', { amount: yuan(line.amountFen) }));
  } else if (r.class) {
    rows.push(
      t('settlement.detail.ruleClass', {
        class: t(`settlement.classes.${r.class as 'satisfied'}`),
        amount: yuan(r.amountFen ?? Math.abs(line.amountFen)),
      }),
    );
  }
  return (
    <Flex vertical>
      {rows.map((x) => (
        <Typography.Text key={x} style={{ color: 'inherit' }}>
          {x}
        </Typography.Text>
      ))}
    </Flex>
  );
}
