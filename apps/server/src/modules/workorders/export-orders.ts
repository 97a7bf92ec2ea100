import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { WorkOrderListQuery } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { maskPhone } from '../../platform/notify/sms.ts';
import {
  newExportStamp,
  printedWatermark,
  recordExport,
  stampWorkbook,
} from '../../platform/exports/index.ts';
import { CHANNEL_ZH, SLA_ZH, STATUS_ZH, TYPE_ZH, URGENCY_ZH } from './domain/labels.ts';
import { workOrderPolicy, type WorkOrderContext } from './context.ts';
import { listPage, type ListFilter } from './workorders.list-query.ts';

const COLUMNS = [
  { header: '工单号', key: 'number', width: 18 },
  { header: '类型', key: 'type', width: 8 },
  { header: '状态', key: 'status', width: 10 },
  { header: '渠道', key: 'channel', width: 8 },
  { header: '紧急程度', key: 'urgency', width: 8 },
  { header: '客户', key: 'customer', width: 16 },
  { header: '联系电话', key: 'phone', width: 14 },
  { header: '产品序列号', key: 'serial', width: 18 },
  { header: '区县代码', key: 'district', width: 10 },
  { header: '服务网点', key: 'outlet', width: 18 },
  { header: 'SLA 状态', key: 'sla', width: 8 },
  { header: 'SLA 到期时间', key: 'slaDue', width: 18 },
  { header: '创建时间', key: 'createdAt', width: 18 },
];
const PAGE = 1000;

/** Instants shown as Shanghai wall-clock time, the way users read them. */
const local = (iso: string | null): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

/**
 * Streams the filtered list, in the actor's data scope, as .xlsx: page by page over the same keyset
 * query as the list (constant memory), capped by the `exportMaxRows` setting. The file carries
 * who exported it and when (document properties, printed header, an 导出信息 sheet); the export
 * is recorded in the audit trail before the workbook is finished, so a file whose audit entry
 * failed is cut off instead of delivered.
 */
export async function exportOrders(
  ctx: WorkOrderContext,
  actor: Actor,
  f: ListFilter,
  sort: WorkOrderListQuery['sort'],
  requestId: string | null = null,
) {
  const { exportMaxRows } = await workOrderPolicy(ctx);
  const stamp = newExportStamp(actor, ctx.clock.now());
  const out = new PassThrough();
  const phoneVisible = actor.permissions.has('customer:phone_unmasked');
  const write = async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const ws = wb.addWorksheet('工单', { headerFooter: printedWatermark(stamp) });
    ws.columns = COLUMNS;
    let cursor: string | undefined;
    let written = 0;
    do {
      const page = await listPage(
        ctx.db,
        actor.scope,
        f,
        sort,
        cursor,
        Math.min(PAGE, exportMaxRows - written),
      );
      const [customers, products, outlets] = await Promise.all([
        ctx.repo.customersByIds(page.rows.map((r) => r.customerId)),
        ctx.repo.productsByIds(page.rows.map((r) => r.productId)),
        ctx.repo.outletsByIds(page.rows.map((r) => r.outletId)),
      ]);
      for (const r of page.rows) {
        ws.addRow({
          number: r.number,
          type: TYPE_ZH[r.type],
          status: STATUS_ZH[r.status],
          channel: CHANNEL_ZH[r.channel] ?? r.channel,
          urgency: URGENCY_ZH[r.urgency] ?? r.urgency,
          customer: customers.get(r.customerId)?.name ?? '',
          phone: phoneVisible ? r.contactPhone : maskPhone(r.contactPhone),
          serial: (r.productId && products.get(r.productId)?.serial) || '',
          district: r.districtCode ?? '',
          outlet: (r.outletId && outlets.get(r.outletId)?.name) || '',
          sla: SLA_ZH[r.slaState] ?? r.slaState,
          slaDue: local(r.slaDueAt),
          createdAt: local(r.createdAt),
        }).commit();
      }
      written += page.rows.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && written < exportMaxRows);
    ws.commit();
    const filter = { ...f, ...(sort ? { sort } : {}) } as Record<string, unknown>;
    await recordExport(ctx.db, ctx.dialect, actor, stamp, {
      kind: 'workorders',
      rows: written,
      filter,
      format: 'xlsx',
      requestId,
    });
    stampWorkbook(wb, stamp, { filter, rows: written });
    await wb.commit();
  };
  write().catch((err: unknown) => out.destroy(err as Error));
  return out;
}
