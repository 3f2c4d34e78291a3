import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { AcknowledgeEscalation, OpenEscalation } from '@rodtrad/engine';
import { DATA_SOURCE } from '../infrastructure/tokens';

/** The escalation use cases (libs/engine/src/escalations) the API runs: a nämnd reports, KS acknowledges. */
export const ESCALATION_PROVIDERS: Provider[] = [
  { provide: OpenEscalation, useFactory: (ds: DataSource) => new OpenEscalation(ds), inject: [DATA_SOURCE] },
  {
    provide: AcknowledgeEscalation,
    useFactory: (ds: DataSource) => new AcknowledgeEscalation(ds),
    inject: [DATA_SOURCE],
  },
];
