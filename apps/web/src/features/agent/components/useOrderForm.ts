import { useEffect, useImperativeHandle, useMemo, useState, type Ref } from 'react';
import { Form } from 'antd';
import type { CustomerDetail, WorkOrderType } from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { useFaultTree, type LookupItem } from '../../customers/index.ts';
import {
  useAppointment,
  useCreateWorkOrder,
  useOpenForProduct,
  useSlotOptions,
  useTransition,
  type CreateResult,
} from '../../workorders/index.ts';
import {
  addressesOf,
  followUpOf,
  orderDefaults,
  toCreateRequest,
  type OrderValues,
} from '../orderRequest.ts';

export interface OrderFormHandle {
  submit(): void;
  setType(type: WorkOrderType): void;
}

export interface OrderOutcome {
  result: CreateResult;
  /** A follow-up step (remote resolution, appointment) that failed after the order was created. */
  followUpError: unknown;
}

/** Server paths of a create refusal → the form fields that show them. */
const FIELD_OF_PATH = {
  faultCodeId: 'fault',
  symptomCodes: 'fault',
  'address.detail': 'addressId',
  address: 'addressId',
};

/**
 * The order form's data and steps: the caller's defaults, the lookups the fields need (visit
 * slots, fault tree of the chosen product, its open orders), and the submit that creates the
 * order and then runs its follow-up (remote resolution or the agreed appointment).
 */
export function useOrderForm(opts: {
  customer: LookupItem;
  detail: CustomerDetail | undefined;
  onCreated: (o: OrderOutcome) => void;
  ref?: Ref<OrderFormHandle>;
}) {
  const { customer, detail, onCreated, ref } = opts;
  const [form] = Form.useForm<OrderValues>();
  const visitSlots = useSlotOptions();
  const create = useCreateWorkOrder();
  const transition = useTransition();
  const appointment = useAppointment();
  const [busy, setBusy] = useState(false);
  const products = detail?.products ?? customer.products;
  const productId = Form.useWatch('productId', form);
  const product = products.find((p) => p.id === productId);
  const faultTree = useFaultTree(product?.categoryCode);
  const openOrders = useOpenForProduct(productId);
  const zh = currentLocale() === 'zh-CN';
  const addresses = addressesOf(customer, detail);

  useImperativeHandle(ref, () => ({
    submit: () => form.submit(),
    setType: (type) => form.setFieldValue('type', type),
  }));

  // A new caller: fresh defaults from their record.
  useEffect(() => {
    form.resetFields();
    create.reset();
    form.setFieldsValue(orderDefaults(customer, detail));
  }, [customer.id, detail?.id]);

  const faultOptions = useMemo(
    () =>
      (faultTree.data?.faults ?? []).map((f) => ({
        value: f.id,
        label: zh ? f.nameZh : f.nameEn,
        children: f.symptoms
          .filter((s) => s.active)
          .map((s) => ({ value: s.id, label: zh ? s.nameZh : s.nameEn })),
      })),
    [faultTree.data, zh],
  );

  /** After creation: resolve on the phone or book the agreed window; a failure there keeps the order. */
  const followUp = async (v: OrderValues, created: CreateResult): Promise<OrderOutcome> => {
    let result = created;
    try {
      let { version } = result.order;
      const next = followUpOf(v);
      if (next?.kind === 'remote') {
        const accepted = await transition.mutateAsync({ id: result.order.id, to: 'accepted', version });
        version = accepted.version;
        const resolved = await transition.mutateAsync({
          id: result.order.id,
          to: 'remote_resolved',
          version,
          data: {
            guidance: next.guidance,
            ...(next.knowledgeArticleId ? { knowledgeArticleId: next.knowledgeArticleId } : {}),
          },
        });
        result = { ...result, order: resolved };
      } else if (next?.kind === 'appointment') {
        const scheduled = await appointment.mutateAsync({ id: result.order.id, version, ...next.window });
        result = { ...result, order: scheduled };
      }
    } catch (e) {
      return { result, followUpError: e };
    }
    return { result, followUpError: null };
  };

  const submit = async (v: OrderValues) => {
    const request = toCreateRequest(v, customer.id, addresses);
    setBusy(true);
    let result: CreateResult;
    try {
      result = await create.mutateAsync(request);
    } catch (e) {
      setBusy(false);
      applyFieldErrors(form, e, FIELD_OF_PATH);
      return;
    }
    const outcome = await followUp(v, result);
    setBusy(false);
    onCreated(outcome);
  };

  return {
    form,
    submit,
    busy,
    createError: create.error,
    products,
    product,
    addresses,
    primaryPhone: customer.phones.find((p) => p.isPrimary) ?? customer.phones[0],
    faultOptions,
    faultsLoading: faultTree.isFetching,
    openOrders: openOrders.data?.items ?? [],
    slotOptions: visitSlots.options,
  };
}
