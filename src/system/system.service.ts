import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PROJECT_ROOT } from '../config/app-config.js';
import type { ServiceInfo } from './service-info.model.js';

const VERSION = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

@Injectable()
export class SystemService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async serviceInfo(): Promise<ServiceInfo> {
    const [row] = await this.dataSource.query<{ now: Date }[]>('SELECT now() AS now');
    return { name: 'telepharmacy-scheduler', version: VERSION, databaseTime: row.now };
  }
}
