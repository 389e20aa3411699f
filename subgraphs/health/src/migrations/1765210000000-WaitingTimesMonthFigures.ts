import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropMonthFigureTriggersSql, monthFigureTriggersSql } from '@local-area-graph/subgraph-kit';

/**
 * Waiting times of complete months are stored (month_figure, the kit's
 * MonthFigures1765200000000). A wait counts at month ends from the month it was
 * referred in, so writing one deletes the stored months from the earlier referral
 * month of its old and new versions on; a service's standard is read at every month
 * end, so writing nhs_service deletes them all.
 */
export class WaitingTimesMonthFigures1765210000000 implements MigrationInterface {
  name = 'WaitingTimesMonthFigures1765210000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ${monthFigureTriggersSql({ family: 'waiting-times', table: 'waiting_list_entry', monthColumns: ['referral_date'] })}
      ${monthFigureTriggersSql({ family: 'waiting-times', table: 'nhs_service', monthColumns: [] })}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${dropMonthFigureTriggersSql({ family: 'waiting-times', table: 'nhs_service' })}
      ${dropMonthFigureTriggersSql({ family: 'waiting-times', table: 'waiting_list_entry' })}
    `);
  }
}
