import {
  DEFAULT_DOCUMENTS_POLICY,
  DOCUMENTS_POLICY_KEY,
  DocumentsPolicySchema,
  type DocumentsPolicy,
} from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { readSetting } from '../../platform/settings/index.ts';
import { defineSetting } from '../../platform/settings/registry.ts';

export const DOCUMENTS_SETTINGS = [
  defineSetting({
    key: DOCUMENTS_POLICY_KEY,
    module: 'documents',
    schema: DocumentsPolicySchema,
    default: DEFAULT_DOCUMENTS_POLICY,
    read: 'settings:read',
    // A font path names a file on the server: only those who manage the system set it.
    write: 'settings:manage',
    label: 'settings.keys.documents.policy',
  }),
];

export async function documentsPolicy(db: Db): Promise<DocumentsPolicy> {
  return (await readSetting(db, DOCUMENTS_POLICY_KEY, DocumentsPolicySchema, DEFAULT_DOCUMENTS_POLICY)).value;
}
