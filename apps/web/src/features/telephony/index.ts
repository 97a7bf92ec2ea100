/** Telephony in the web (来电弹屏 lives in the agent console; this is click-to-call for any page). */
export { CallButton } from './CallButton.tsx';
