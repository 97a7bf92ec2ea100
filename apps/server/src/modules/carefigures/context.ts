import type {
  AlertFigures,
  CampaignFigureRow,
  CareFiguresScope,
  CommunityFigures,
  ContractFigures,
  PmCompliance,
  RecallFigureRow,
} from '@anxin/contracts';

/**
 * Each module's own figures function (bound in modules.ts to the modules' index exports): this
 * module only assembles them and owns no table.
 */
export interface CareFiguresPorts {
  maintenance: (scope: CareFiguresScope, graceDays: number) => Promise<PmCompliance>;
  alerts: (scope: CareFiguresScope) => Promise<AlertFigures>;
  contracts: (scope: CareFiguresScope, labourCostPerVisitFen: number) => Promise<ContractFigures>;
  recalls: (scope: CareFiguresScope) => Promise<RecallFigureRow[]>;
  campaigns: (scope: CareFiguresScope) => Promise<CampaignFigureRow[]>;
  community: (scope: CareFiguresScope) => Promise<CommunityFigures>;
}
