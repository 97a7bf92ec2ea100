import { createHash, randomBytes } from 'node:crypto';
import type { Device, DeviceWithToken, RegisterDevice } from '@anxin/contracts';
import type { Actor } from '../../platform/auth/actor.ts';
import { eventActorOf } from '../../platform/auth/actor.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { appendEvent } from '../../platform/events/append.ts';
import { notFound, refuse } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids/index.ts';
import type { TelemetryContext } from './context.ts';
import { seesDistrict } from './domain/scope.ts';
import type { DeviceRecord } from './telemetry.repository.ts';
import { DEVICE_STREAM, TELEMETRY_EVENTS } from './telemetry.events.ts';

/** Device tokens are random; only their SHA-256 is stored, so a leaked table opens no device. */
export const DEVICE_TOKEN_PREFIX = 'axd_';
export const hashToken = (t: string): string => createHash('sha256').update(t).digest('hex');
const newToken = () => DEVICE_TOKEN_PREFIX + randomBytes(32).toString('base64url');
const hintOf = (t: string) => t.slice(0, 10);

/** Devices: registration against an installed product, token issue / rotation / revocation. */
export class DevicesService {
  private readonly ctx: TelemetryContext;
  constructor(ctx: TelemetryContext) {
    this.ctx = ctx;
  }

  async view(
    d: DeviceRecord,
    labels?: Map<string, { serial: string; customerName: string }>,
  ): Promise<Device> {
    const l = (labels ?? (await this.ctx.ports.productLabels([d.productId]))).get(d.productId);
    const { districtCode: _, ...rest } = d;
    return { ...rest, productSerial: l?.serial ?? null, customerName: l?.customerName ?? null };
  }

  async list(actor: Actor): Promise<Device[]> {
    const rows = (await this.ctx.repo.listDevices()).filter((d) => seesDistrict(actor.scope, d.districtCode));
    const labels = await this.ctx.ports.productLabels([...new Set(rows.map((d) => d.productId))]);
    return Promise.all(rows.map((d) => this.view(d, labels)));
  }

  async find(id: string): Promise<DeviceRecord> {
    const d = await this.ctx.repo.findDevice(id);
    if (!d) throw notFound('device', id);
    return d;
  }

  /** The device a token belongs to, or null (unknown, rotated away or revoked). */
  async authenticate(token: string): Promise<DeviceRecord | null> {
    if (!token.startsWith(DEVICE_TOKEN_PREFIX)) return null;
    return (await this.ctx.repo.findDeviceByToken(hashToken(token))) ?? null;
  }

  async register(actor: Actor, input: RegisterDevice): Promise<DeviceWithToken> {
    const product = await this.ctx.ports.product(input.productId);
    if (!product) throw notFound('installed product', input.productId);
    const id = newId();
    const token = newToken();
    const now = this.ctx.clock.now();
    const at = now.toISOString();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      if (await this.ctx.repo.serialTaken(input.serial, trx))
        throw refuse('telemetry.serial_taken', { serial: input.serial }, { path: 'serial' });
      await this.ctx.repo.insertDevice(trx, {
        id,
        productId: product.id,
        customerId: product.customerId,
        modelId: product.modelId,
        categoryCode: product.categoryCode,
        districtCode: product.districtCode,
        serial: input.serial,
        label: input.label,
        tokenHash: hashToken(token),
        tokenHint: hintOf(token),
        tokenIssuedAt: at,
        createdAt: at,
      });
      const e = { streamType: DEVICE_STREAM, streamId: id, actor: eventActorOf(actor), at: now } as const;
      await appendEvent(trx, {
        ...e,
        type: TELEMETRY_EVENTS.type.device_registered,
        data: { serial: input.serial, productId: product.id },
      });
      await appendEvent(trx, {
        ...e,
        type: TELEMETRY_EVENTS.type.device_token_issued,
        data: { serial: input.serial, rotated: false },
      });
    });
    return { device: await this.view(await this.find(id)), token };
  }

  /** A new token; the old one stops working at once. Also re-activates a revoked device. */
  async rotate(actor: Actor, id: string): Promise<DeviceWithToken> {
    const d = await this.find(id);
    const token = newToken();
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await this.ctx.repo.setToken(trx, id, hashToken(token), hintOf(token), now.toISOString());
      await appendEvent(trx, {
        streamType: DEVICE_STREAM,
        streamId: id,
        type: TELEMETRY_EVENTS.type.device_token_issued,
        actor: eventActorOf(actor),
        at: now,
        data: { serial: d.serial, rotated: true },
      });
    });
    return { device: await this.view(await this.find(id)), token };
  }

  async revoke(actor: Actor, id: string): Promise<Device> {
    const d = await this.find(id);
    const now = this.ctx.clock.now();
    await withTransaction(this.ctx.db, this.ctx.dialect, async ({ trx }) => {
      await this.ctx.repo.revoke(trx, id, now.toISOString());
      await appendEvent(trx, {
        streamType: DEVICE_STREAM,
        streamId: id,
        type: TELEMETRY_EVENTS.type.device_revoked,
        actor: eventActorOf(actor),
        at: now,
        data: { serial: d.serial },
      });
    });
    return this.view(await this.find(id));
  }
}
