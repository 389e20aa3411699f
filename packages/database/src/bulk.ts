import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts many rows in multi-row INSERT statements of `chunkSize`, keeping each
 * statement under PostgreSQL's 65,535 bind-parameter limit.
 */
export async function insertInChunks<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  rows: readonly Partial<E>[],
  chunkSize = 1000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + chunkSize) as never)
      .updateEntity(false)
      .execute();
  }
}
