// The single DataSource export the TypeORM CLI wants:
//   npx typeorm-ts-node-commonjs migration:show -d libs/persistence/src/data-source.ts
import { loadConfig } from '@rodtrad/config';
import { createDataSource } from './data-source.factory';

export default createDataSource({ databaseUrl: loadConfig().databaseUrl });
