import type { DataSource } from 'typeorm';
import { bulkInsert } from '@local-area-graph/database';
import type { DemoArea } from '@local-area-graph/demo-data';
import { WaitingListEntry, type ReferralPriority, type RemovalReason } from './waiting-list/waiting-list-entry.js';

/** Loads the demo area's waiting-list entries (the services are reference data, from the migration). One transaction. */
export async function seedHealth(db: DataSource, demo: DemoArea): Promise<void> {
  await db.transaction(async (manager) => {
    await bulkInsert(
      manager,
      WaitingListEntry,
      (demo.waitingListEntries ?? []).map((row) => ({
        ...row,
        priority: row.priority as ReferralPriority,
        removalReason: row.removalReason as RemovalReason | null,
      })),
    );
  });
}

export async function isHealthEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM waiting_list_entry) AS empty');
  return row.empty;
}
