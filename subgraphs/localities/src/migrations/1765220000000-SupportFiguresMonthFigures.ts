import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropMonthFigureTriggersSql, monthFigureTriggersSql } from '@local-area-graph/subgraph-kit';

/**
 * Support figures of complete months are stored (month_figure, the kit's
 * MonthFigures1765200000000). A request counts in the month it was received, answered
 * and closed (plans open at month ends between), so writing one deletes the stored
 * months from the earliest of those days, old or new, on; a locality's area and the
 * working-day calendar are read for every month, so writing them deletes every month.
 */
export class SupportFiguresMonthFigures1765220000000 implements MigrationInterface {
  name = 'SupportFiguresMonthFigures1765220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ${monthFigureTriggersSql({ family: 'support-figures', table: 'support_request', monthColumns: ['received_day', 'responded_day', 'outcome_date'] })}
      ${monthFigureTriggersSql({ family: 'support-figures', table: 'locality', monthColumns: [] })}
      ${monthFigureTriggersSql({ family: 'support-figures', table: 'working_day', monthColumns: [] })}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${dropMonthFigureTriggersSql({ family: 'support-figures', table: 'working_day' })}
      ${dropMonthFigureTriggersSql({ family: 'support-figures', table: 'locality' })}
      ${dropMonthFigureTriggersSql({ family: 'support-figures', table: 'support_request' })}
    `);
  }
}
