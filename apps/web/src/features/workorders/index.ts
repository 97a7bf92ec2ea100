// The work-orders feature's public API: hooks other features use (agent console) and the tags
// that show an order's status, type and SLA state.
export {
  useCreateWorkOrder,
  useOpenForProduct,
  useTransition,
  useAppointment,
  useWorkOrders,
  useUploadAttachment,
  UPLOAD_ACCEPT,
  type CreateResult,
} from './api.ts';
export { SlaTag, StatusTag, TypeTag, UrgencyTag, formatWindow } from './components/Tags.tsx';
export { eventWord, reasonText } from './components/timelineWords.ts';
export { RedoBanner } from './components/RedoBanner.tsx';
export { CustomerOrders } from './components/CustomerOrders.tsx';
export { AttachmentUploader } from './components/AttachmentUploader.tsx';
export { WORK_ORDER_TYPES, WORK_ORDER_CHANNELS, URGENCIES, SLA_METRICS, type Channel } from './vocab.ts';
export { bj, BUSINESS_TZ } from './time.ts';
export { VisitWindowDialog, type WindowSave } from './components/VisitWindowDialog.tsx';
export { useVisitSlots, useSlotOptions, slotLabel, VISIT_SLOTS_QUERY_KEY } from './useVisitSlots.ts';
export {
  slotKey,
  parseSlotKey,
  slotPeriod,
  slotWindow,
  slotAt,
  slotOpen,
  businessTimeOf,
  nextBusinessDays,
  type VisitSlot,
  type SlotPeriod,
} from './visitSlots.ts';
