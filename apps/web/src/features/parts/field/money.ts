export { yuan } from '../../../components/money.ts';
