import { Foundation1764180000000 } from './1764180000000-foundation';
import { WorkflowEngine1764190000000 } from './1764190000000-workflow-engine';
import { YearWheel1764200000000 } from './1764200000000-year-wheel';
import { DeadlinesEscalations1764210000000 } from './1764210000000-deadlines-escalations';
import { Approvals1764220000000 } from './1764220000000-approvals';
import { BalanceRestoration1764240000000 } from './1764240000000-balance-restoration';
import { InstallationIdentity1764250000000 } from './1764250000000-installation-identity';
import { ReceiptForEveryEffect1764260000000 } from './1764260000000-receipt-for-every-effect';
import { EscalationKindWidth1764270000000 } from './1764270000000-escalation-kind-width';
import { KeyedAuditChain1764280000000 } from './1764280000000-keyed-audit-chain';
import { InvestmentThreshold1764300000000 } from './1764300000000-investment-threshold';
import { OidcSignIn1764320000000 } from './1764320000000-oidc-sign-in';
import { Publication1764330000000 } from './1764330000000-publication';
import { OutboxTraceContext1764340000000 } from './1764340000000-outbox-trace-context';
import { KsOversightDecisions1764400000000 } from './1764400000000-ks-oversight-decisions';
import { FinancialImport1764430000000 } from './1764430000000-financial-import';
import { BodyOwnership1764410000000 } from './1764410000000-body-ownership';
import { RiskMatrix1764420000000 } from './1764420000000-risk-matrix';
import { Kolada1764440000000 } from './1764440000000-kolada';
import { CommentsAttachments1764460000000 } from './1764460000000-comments-attachments';
import { ActivityIndex1764480000000 } from './1764480000000-activity-index';

/** Every migration, in order. Schema changes happen only here (synchronize is off). */
export const MIGRATIONS = [
  Foundation1764180000000,
  WorkflowEngine1764190000000,
  YearWheel1764200000000,
  DeadlinesEscalations1764210000000,
  Approvals1764220000000,
  BalanceRestoration1764240000000,
  InstallationIdentity1764250000000,
  ReceiptForEveryEffect1764260000000,
  EscalationKindWidth1764270000000,
  KeyedAuditChain1764280000000,
  InvestmentThreshold1764300000000,
  OidcSignIn1764320000000,
  Publication1764330000000,
  OutboxTraceContext1764340000000,
  KsOversightDecisions1764400000000,
  BodyOwnership1764410000000,
  RiskMatrix1764420000000,
  FinancialImport1764430000000,
  Kolada1764440000000,
  CommentsAttachments1764460000000,
  ActivityIndex1764480000000,
];
