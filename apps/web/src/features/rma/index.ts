// The RMA feature's public API: the "申请退换货" button the work-order page and the customer's
// products use, and the list of a product's cases.
export { RequestRmaButton } from './components/RequestRmaButton.tsx';
export { RmaStatusTag } from './components/RmaStatusTag.tsx';
