import type { MigrationInterface, QueryRunner } from 'typeorm';
import { dropMonthFigureTriggersSql, monthFigureTriggersSql } from '@local-area-graph/subgraph-kit';

/**
 * Suspensions of complete months are stored (month_figure, the kit's
 * MonthFigures1765200000000). A suspension counts in the month it started; a SEN
 * provision decides whether a pupil had SEN on the days it covers, from its start on;
 * a school's locality and area place every month's suspensions. Writing them deletes
 * the stored months from the earliest start date written, old or new, or every month.
 */
export class SuspensionsMonthFigures1765230000000 implements MigrationInterface {
  name = 'SuspensionsMonthFigures1765230000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ${monthFigureTriggersSql({ family: 'suspensions', table: 'suspension', monthColumns: ['start_date'] })}
      ${monthFigureTriggersSql({ family: 'suspensions', table: 'sen_provision', monthColumns: ['start_date'] })}
      ${monthFigureTriggersSql({ family: 'suspensions', table: 'school', monthColumns: [] })}
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ${dropMonthFigureTriggersSql({ family: 'suspensions', table: 'school' })}
      ${dropMonthFigureTriggersSql({ family: 'suspensions', table: 'sen_provision' })}
      ${dropMonthFigureTriggersSql({ family: 'suspensions', table: 'suspension' })}
    `);
  }
}
