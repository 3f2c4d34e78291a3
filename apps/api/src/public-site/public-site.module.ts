import { Module } from '@nestjs/common';
import { YearsModule } from '../years/years.module';
import { PublicSiteController } from './public-site.controller';
import { PublicSiteService } from './public-site.service';

/** The public site at /offentligt and its open data (#20). */
@Module({
  imports: [YearsModule],
  controllers: [PublicSiteController],
  providers: [PublicSiteService],
})
export class PublicSiteModule {}
