import type { Migration } from '../platform/db/migrate.ts';
import * as m0001 from './0001_platform.ts';
import * as m0002 from './0002_calendar.ts';
import * as m0003 from './0003_jobs_outbox.ts';
import * as m0004 from './0004_core_domain.ts';
import * as m0005 from './0005_customers.ts';
import * as m0006 from './0006_workorders.ts';
import * as m0007 from './0007_queue_index.ts';
import * as m0008 from './0008_network.ts';
import * as m0009 from './0009_dispatch.ts';
import * as m0010 from './0010_escalation.ts';
import * as m0011 from './0011_fieldwork.ts';
import * as m0012 from './0012_route_plans.ts';
import * as m0013 from './0013_callbacks.ts';
import * as m0014 from './0014_complaints.ts';
import * as m0015 from './0015_grading.ts';
import * as m0016 from './0016_settlement.ts';
import * as m0017 from './0017_evaluation.ts';
import * as m0018 from './0018_sla_unknown.ts';
import * as m0019 from './0019_access_hardening.ts';
import * as m0020 from './0020_customer_erasure.ts';
import * as m0021 from './0021_parts.ts';
import * as m0022 from './0022_warranty.ts';
import * as m0023 from './0023_rma.ts';
import * as m0024 from './0024_charges.ts';
import * as m0025 from './0025_cards.ts';
import * as m0026 from './0026_knowledge.ts';
import * as m0027 from './0027_training.ts';
import * as m0028 from './0028_sales.ts';
import * as m0029 from './0029_delivery.ts';
import * as m0030 from './0030_knowledge_files.ts';
import * as m0032 from './0032_call_records.ts';
import * as m0033 from './0033_webhooks.ts';
import * as m0034 from './0034_maintenance_plans.ts';
import * as m0035 from './0035_telemetry.ts';
import * as m0036 from './0036_service_contracts.ts';

/**
 * Ordered, frozen once landed, forward-only. Append new migrations at the end.
 */
export const migrations: readonly Migration[] = [
  { name: '0001_platform', up: m0001.up },
  { name: '0002_calendar', up: m0002.up },
  { name: '0003_jobs_outbox', up: m0003.up },
  { name: '0004_core_domain', up: m0004.up },
  { name: '0005_customers', up: m0005.up },
  { name: '0006_workorders', up: m0006.up },
  { name: '0007_queue_index', up: m0007.up },
  { name: '0008_network', up: m0008.up },
  { name: '0009_dispatch', up: m0009.up },
  { name: '0010_escalation', up: m0010.up },
  { name: '0011_fieldwork', up: m0011.up },
  { name: '0012_route_plans', up: m0012.up },
  { name: '0013_callbacks', up: m0013.up },
  { name: '0014_complaints', up: m0014.up },
  { name: '0015_grading', up: m0015.up },
  { name: '0016_settlement', up: m0016.up },
  { name: '0017_evaluation', up: m0017.up },
  { name: '0018_sla_unknown', up: m0018.up },
  { name: '0019_access_hardening', up: m0019.up },
  { name: '0020_customer_erasure', up: m0020.up },
  { name: '0021_parts', up: m0021.up },
  { name: '0022_warranty', up: m0022.up },
  { name: '0023_rma', up: m0023.up },
  { name: '0024_charges', up: m0024.up },
  { name: '0025_cards', up: m0025.up },
  { name: '0026_knowledge', up: m0026.up },
  { name: '0027_training', up: m0027.up },
  { name: '0028_sales', up: m0028.up },
  { name: '0029_delivery', up: m0029.up },
  { name: '0030_knowledge_files', up: m0030.up },
  { name: '0032_call_records', up: m0032.up },
  { name: '0033_webhooks', up: m0033.up },
  { name: '0034_maintenance_plans', up: m0034.up },
  { name: '0035_telemetry', up: m0035.up },
  { name: '0036_service_contracts', up: m0036.up },
];
