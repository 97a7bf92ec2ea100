import { useEffect } from 'react';
import useMessage from 'antd/es/message/useMessage';
import useModal from 'antd/es/modal/useModal';
import useNotification from 'antd/es/notification/useNotification';
import type { useAppProps } from 'antd/es/app/context';

/**
 * The holders of Ant Design's message, notification and modal, as its App component renders them:
 * a chunk of its own, mounted by Feedback.tsx right after the first render.
 */
export default function FeedbackHost({ onReady }: { onReady: (api: useAppProps) => void }) {
  const [message, messageHolder] = useMessage();
  const [notification, notificationHolder] = useNotification();
  const [modal, modalHolder] = useModal();
  useEffect(() => onReady({ message, notification, modal }), [message, notification, modal, onReady]);
  return (
    <>
      {modalHolder}
      {messageHolder}
      {notificationHolder}
    </>
  );
}
