import type { IdentityTables } from './modules/identity/identity.schema.ts';
import type { PortalTables } from './modules/portal/portal.schema.ts';
import type { CatalogTables } from './modules/catalog/catalog.schema.ts';
import type { CustomerTables } from './modules/customers/customers.schema.ts';
import type { NetworkTables } from './modules/network/network.schema.ts';
import type { DispatchTables } from './modules/dispatch/dispatch.schema.ts';
import type { EscalationTables } from './modules/escalation/escalation.schema.ts';
import type { FieldworkTables } from './modules/fieldwork/fieldwork.schema.ts';
import type { RoutePlanTables } from './modules/routing/planning/planning.schema.ts';
import type { WorkOrderTables } from './modules/workorders/workorders.schema.ts';
import type { CallbackTables } from './modules/callbacks/callbacks.schema.ts';
import type { ComplaintTables } from './modules/complaints/complaints.schema.ts';
import type { GradingTables } from './modules/grading/grading.schema.ts';
import type { SettlementTables } from './modules/settlement/settlement.schema.ts';
import type { EvaluationTables } from './modules/evaluation/evaluation.schema.ts';
import type { PartsTables } from './modules/parts/parts.schema.ts';
import type { CardTables } from './modules/cards/cards.schema.ts';
import type { ChargesTables } from './modules/charges/charges.schema.ts';
import type { WarrantyTables } from './modules/warranty/warranty.schema.ts';
import type { RmaTables } from './modules/rma/rma.schema.ts';
import type { KnowledgeTables } from './modules/knowledge/knowledge.schema.ts';
import type { TrainingTables } from './modules/training/training.schema.ts';
import type { CallCenterTables } from './modules/callcenter/callcenter.schema.ts';
import type { SalesTables } from './modules/sales/sales.schema.ts';
import type { DeliveryTables } from './modules/delivery/delivery.schema.ts';
import type { WebhookTables } from './modules/webhooks/webhooks.schema.ts';
import type { MaintenanceTables } from './modules/maintenance/maintenance.schema.ts';
import type { TelemetryTables } from './modules/telemetry/telemetry.schema.ts';
import type { TelephonyTables } from './modules/telephony/telephony.schema.ts';
import type { ServiceContractTables } from './modules/servicecontracts/servicecontracts.schema.ts';
import type { CampaignTables } from './modules/campaigns/campaigns.schema.ts';
import type { RecallTables } from './modules/recalls/recalls.schema.ts';
import type { CommunityTables } from './modules/community/community.schema.ts';
import type { BrandInboxTables } from './modules/brandinbox/brandinbox.schema.ts';
import type { FaultAnalysisTables } from './modules/faultanalysis/faultanalysis.schema.ts';
import type { AnalyticsTables } from './modules/analytics/analytics.schema.ts';
import type { ReportSubsTables } from './modules/reportsubs/reportsubs.schema.ts';
import type { EventTables } from './platform/events/events.schema.ts';
import type { JobTables } from './platform/jobs/jobs.schema.ts';
import type { SettingsTables } from './platform/settings/settings.schema.ts';
import type { CalendarTables } from './platform/calendar/calendar.schema.ts';
import type { NotifyTables } from './platform/notify/notify.schema.ts';

/** Every table, as Kysely sees it; each owner declares its own slice. */
export interface Database
  extends
    IdentityTables,
    PortalTables,
    EventTables,
    JobTables,
    SettingsTables,
    CatalogTables,
    CustomerTables,
    NetworkTables,
    DispatchTables,
    EscalationTables,
    FieldworkTables,
    RoutePlanTables,
    WorkOrderTables,
    CallbackTables,
    ComplaintTables,
    GradingTables,
    SettlementTables,
    EvaluationTables,
    PartsTables,
    CardTables,
    ChargesTables,
    WarrantyTables,
    RmaTables,
    KnowledgeTables,
    TrainingTables,
    SalesTables,
    DeliveryTables,
    WebhookTables,
    MaintenanceTables,
    TelemetryTables,
    TelephonyTables,
    ServiceContractTables,
    CampaignTables,
    RecallTables,
    CommunityTables,
    BrandInboxTables,
    FaultAnalysisTables,
    AnalyticsTables,
    ReportSubsTables,
    CallCenterTables,
    CalendarTables,
    NotifyTables {
  anxin_migrations: { name: string; applied_at: string };
}
