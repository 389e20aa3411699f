import DataLoader from 'dataloader';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { MeasureTarget } from './measure.js';

/** The columns of measure_target as the entity names them (the date as text, as TypeORM reads it). */
const TARGET_COLUMNS = `id, measure_id AS "measureId", locality_id AS "localityId", value, amber_threshold AS "amberThreshold", direction,
  by_date::text AS "byDate", reason, set_by AS "setBy", set_by_name AS "setByName", set_at AS "setAt"`;

/**
 * The current targets of each measure, for the area and for every locality that has
 * its own (the latest set of each), for every measure of the request in one statement
 * (DISTINCT ON walks measure_target_current_idx).
 */
export function currentTargetsLoader(ctx: SubgraphContext): DataLoader<string, MeasureTarget[]> {
  return ctx.loaders.get('measure:currentTargets', () =>
    new DataLoader<string, MeasureTarget[]>(async (measureIds) => {
      const rows: MeasureTarget[] = await ctx.db.query(
        `SELECT DISTINCT ON (measure_id, locality_id) ${TARGET_COLUMNS}
           FROM measure_target WHERE measure_id = ANY($1::uuid[])
          ORDER BY measure_id, locality_id, set_at DESC`,
        [measureIds],
      );
      const byMeasure = new Map<string, MeasureTarget[]>(measureIds.map((id) => [id, []]));
      for (const row of rows) byMeasure.get(row.measureId)?.push(Object.assign(new MeasureTarget(), row));
      return measureIds.map((id) => byMeasure.get(id)!);
    }),
  );
}
