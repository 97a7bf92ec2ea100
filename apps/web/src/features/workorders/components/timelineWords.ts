import type { TFunction } from 'i18next';

/**
 * The event's name for a person: `workorder.created` → 创建工单, `fieldwork.photo_added` → 师傅上传现场照片;
 * a type without a word yet reads 业务记录, never its code.
 */
export function eventWord(t: TFunction, type: string): string {
  const key = type.startsWith('workorder.') ? type.slice('workorder.'.length) : type;
  return t(`workorders.timeline.events.${key}` as 'workorders.timeline.events.created', {
    defaultValue: t('workorders.timeline.events.other'),
  });
}

/** A reason code other modules write (`callback_satisfied`, optionally `: <what the person said>`). */
const REASON_CODE = /^([a-z]+(?:_[a-z]+)+)(?::\s*([\s\S]*))?$/;

/**
 * A transition's reason for a person. People's own words pass through; a code written by a module
 * (the callback's `callback_satisfied`, `callback_unsatisfied: 师傅迟到`) reads as words, and an
 * unknown code as 系统记录 rather than itself.
 */
export function reasonText(t: TFunction, reason: string): string {
  const m = REASON_CODE.exec(reason.trim());
  if (!m) return reason;
  const word = t(`workorders.timeline.reasons.${m[1]}` as 'workorders.timeline.reasons.other', {
    defaultValue: t('workorders.timeline.reasons.other'),
  });
  return m[2] ? t('workorders.timeline.reasonWithText', { word, text: m[2] }) : word;
}

/** The button's word for a step: back to 待派单 from 已关闭 is 重新打开, from 待回访 返修. */
export function actionWord(t: TFunction, from: string, to: string): string {
  if (to === 'awaiting_dispatch' && from === 'closed') return t('workorders.actions.reopen');
  if (to === 'awaiting_dispatch' && from === 'awaiting_callback') return t('workorders.actions.redo');
  return t(`workorders.actions.${to}` as 'workorders.actions.new');
}
