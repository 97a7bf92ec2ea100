import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { clearDraft, loadDraft, saveDraft } from '../../api.ts';
import { fieldError } from '../bits.tsx';

/** A form state kept in localStorage per order, so it survives a reload or a lost network. */
export function useDraft<T>(
  orderId: string,
  part: string,
  initial: () => T,
): [T, (v: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => loadDraft<T>(orderId, part) ?? initial());
  const set = (v: T) => {
    setValue(v);
    saveDraft(orderId, part, v);
  };
  return [value, set, () => clearDraft(orderId, part)];
}

export type FieldStep =
  | 'depart'
  | 'arrive'
  | 'start'
  | 'resume'
  | 'complete'
  | 'diagnosis'
  | 'photo'
  | 'work'
  | 'result'
  | 'signature';

export function useNotify() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return {
    /** Says what was just done (诊断已保存, 已签到 …), or that it waits for the network. */
    done: (queued: boolean, step: FieldStep) =>
      void message[queued ? 'info' : 'success'](
        t(queued ? 'fieldwork.queued' : `fieldwork.doneToast.${step}`),
      ),
    fail: (e: unknown) => void message.error(fieldError(t, e)),
  };
}
