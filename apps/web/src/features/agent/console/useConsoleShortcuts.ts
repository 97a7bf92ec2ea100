import { useEffect, useRef } from 'react';
import type { WorkOrderType } from '@anxin/contracts';
import { WORK_ORDER_TYPES } from '../../workorders/index.ts';
import type { OrderFormHandle } from '../components/OrderForm.tsx';

/**
 * Console shortcuts, anywhere on the page (also inside fields): F2 next call, Alt+1…6 the order
 * type, Ctrl+Enter submit. Returns the ref the order form registers its handle on.
 */
export function useConsoleShortcuts(onNextCall: () => void) {
  const formRef = useRef<OrderFormHandle>(null);
  // The listener is added once; it calls the latest handler through this ref.
  const next = useRef(onNextCall);
  next.current = onNextCall;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2') {
        e.preventDefault();
        next.current();
      } else if (e.altKey && /^Digit[1-6]$/.test(e.code)) {
        e.preventDefault();
        formRef.current?.setType(WORK_ORDER_TYPES[Number(e.code.slice(5)) - 1] as WorkOrderType);
      } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        e.preventDefault();
        formRef.current?.submit();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return formRef;
}
