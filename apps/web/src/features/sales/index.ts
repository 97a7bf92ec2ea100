// The sales feature's public API (issue #16): the status tag other features (delivery) may show.
export { ContractStatusTag } from './components/tags.tsx';
