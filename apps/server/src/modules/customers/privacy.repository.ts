import type { Kysely } from 'kysely';
import type { Database } from '../../database.ts';

type Db = Kysely<Database>;

/** The SQL of PIPL erasure: what identifies a person goes, what statistics count stays. */
export class PrivacyRepository {
  /**
   * Anonymises the customer (conditional on its version) and the merged-away records that point
   * to it: name, company, free-text note, address and coordinates; region codes and tier stay
   * (regional statistics). Phones and name-search tokens are deleted, address lines emptied,
   * invoice and warranty-card numbers dropped from products (serials stay: they identify the
   * appliance for warranty and recalls). Returns null when the version moved on.
   */
  async erase(trx: Db, id: string, version: number, name: string, now: string) {
    const tombstones = (
      await trx.selectFrom('customers').select('id').where('merged_into_id', '=', id).execute()
    ).map((r) => r.id);
    const ids = [id, ...tombstones];
    const personal = { name, company_name: null, address: null, lat: null, lng: null, note: null };
    const r = await trx
      .updateTable('customers')
      .set({ ...personal, erased_at: now, updated_at: now, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return null;
    if (tombstones.length)
      await trx
        .updateTable('customers')
        .set({ ...personal, erased_at: now, updated_at: now })
        .where('id', 'in', tombstones)
        .execute();
    const phones = await trx.deleteFrom('customer_phones').where('customer_id', 'in', ids).executeTakeFirst();
    await trx.deleteFrom('customer_name_tokens').where('customer_id', 'in', ids).execute();
    const addresses = await trx
      .updateTable('customer_addresses')
      .set({ detail: '', lat: null, lng: null })
      .where('customer_id', 'in', ids)
      .executeTakeFirst();
    await trx
      .updateTable('installed_products')
      .set({ invoice_no: null, warranty_card_no: null })
      .where('customer_id', 'in', ids)
      .execute();
    return {
      streamIds: ids,
      phonesRemoved: Number(phones.numDeletedRows),
      addressesCleared: Number(addresses.numUpdatedRows),
    };
  }
}
