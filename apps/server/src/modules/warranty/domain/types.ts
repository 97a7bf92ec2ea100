import type {
  CoverageReason,
  OnlineExclusion,
  PolicyKind,
  PolicyParamsByKind,
  RemedyVerdict,
  WarrantyEvaluation,
} from '@anxin/contracts';
import type { RestDayCalendar } from './dates.ts';

/** A published policy version as the engine sees it (params already validated for its kind). */
export type EnginePolicy = {
  [K in PolicyKind]: {
    id: string;
    kind: K;
    version: number;
    nameZh: string;
    nameEn: string;
    params: PolicyParamsByKind[K];
  };
}[PolicyKind];

/** The installed product's facts the rules read. */
export interface ProductFacts {
  categoryCode: string;
  /** 开具发票之日 (stored as the purchase date). */
  invoiceDate: string | null;
  /** Delivery / installation / signing date (online: the day the consumer signed). */
  deliveryDate: string | null;
  priceFen: number | null;
  /**
   * The catalogue's warranty months of the product's category: the coverage when no policy is
   * published for it (so a product without a 三包 policy is judged, not "unknown").
   */
  catalogueTerms?: { unitMonths: number; mainPartsMonths: number } | null;
  /** Cars: odometer reading on the request date. */
  mileageKm?: number | null;
  /** Online sales: exclusions that apply to the goods (statutory ones need no confirmation). */
  exclusions?: readonly OnlineExclusion[];
  /** Online sales: the confirmable exclusions the consumer confirmed at purchase. */
  confirmedExclusions?: readonly OnlineExclusion[];
  /** Online sales: the returned goods are intact (完好); null when not yet inspected. */
  intact?: boolean | null;
}

/** One repair order on the product (from modules/workorders serviceHistory). */
export interface RepairRecord {
  orderId: string;
  faultCodes: readonly string[];
  /** Business date the order was created (报修 / agreement to repair). */
  createdOn: string;
  /** Instant the order was created (cars count repair time in hours). */
  createdAt: string;
  completedOn: string | null;
  completedAt: string | null;
  /** Calendar days in repair, waiting for parts excluded. */
  repairDays: number;
  /** Calendar days in `awaiting_parts` (无零配件待修). */
  partsWaitDays: number;
  /** true: closed and satisfied; false: sent back for redo / still faulty; null: still open. */
  fixed: boolean | null;
  /** Part classes of the parts fitted in this repair (cars: assemblies and main components, 第24条). */
  replacedPartClasses?: readonly string[];
}

export interface ServiceHistory {
  repairs: readonly RepairRecord[];
  /** The product was exchanged on this day: the warranty restarts (FAQ; 汽车 第29条). */
  exchangedOn: string | null;
}

/** What the request says about the fault (all optional). */
export interface RequestFacts {
  /** The fault is a 性能故障 (also derived from `faultCodes` and the policy's list). */
  performanceFault?: boolean;
  faultCodes?: readonly string[];
  /** The product is faulty now (a repair request); the repair-twice rule needs it. */
  faulty?: boolean;
  /** Cars: the fault is in a major part (发动机/变速器/动力蓄电池/行驶驱动电机), 第20/22条. */
  majorPartFault?: boolean;
  /** Cars: a 第23条 safety fault (转向/制动失效, 车身开裂, 燃油泄漏, 动力蓄电池起火). */
  safetyFault?: boolean;
}

export interface RuleContext {
  asOf: string;
  calendar: RestDayCalendar | null;
  facts: RequestFacts;
}

export type Verdict = RemedyVerdict;
export type Reasons = CoverageReason[];
export type Evaluation = WarrantyEvaluation;

/** What a rule set decides; the engine adds the policy and date (and a null usage fee when none). */
export type RuleResult = Omit<Evaluation, 'policy' | 'asOf' | 'usageCompensation'> &
  Partial<Pick<Evaluation, 'usageCompensation'>>;
