import type { DataSource } from 'typeorm';
import { bulkInsert } from '@local-area-graph/database';
import type { DemoArea } from '@local-area-graph/demo-data';
import { AreaOfWeakness, Workstream } from './workstream/workstream.js';
import { Measure, MeasureTarget } from './measure/measure.js';
import { MeasureKind, Rag, TargetDirection } from './measure/measure-kind.js';
import { ActionPlanLine, RagChange } from './action-plan/action-plan-line.js';
import { BoardMember } from './board/board-member.js';

/**
 * Loads the demo area's improvement plan: the board's members, workstreams, areas of
 * weakness, measures, targets, action-plan lines and their RAG history. One
 * transaction: all of it or none.
 */
export async function seedCommissioning(db: DataSource, demo: DemoArea): Promise<void> {
  await db.transaction(async (manager) => {
    // Members sat on the board before the first change they made to its plan.
    const first = [...demo.ragChanges.map((c) => c.changedAt), ...demo.measureTargets.map((t) => t.setAt)].sort()[0];
    const appointedAt = first ? new Date(Date.parse(first) - 7 * 86_400_000) : new Date();
    await bulkInsert(manager, BoardMember, demo.boardMembers.map((m) => ({ ...m, appointedAt, endedAt: null })));
    await bulkInsert(manager, Workstream, demo.workstreams);
    await bulkInsert(manager, AreaOfWeakness, demo.areasOfWeakness);
    await bulkInsert(manager, Measure, demo.measures.map((m) => ({ ...m, kind: m.kind as MeasureKind })));
    await bulkInsert(
      manager,
      MeasureTarget,
      demo.measureTargets.map((t) => ({ ...t, direction: t.direction as TargetDirection, setAt: new Date(t.setAt) })),
    );
    // A line was last updated by its latest RAG change.
    const latest = new Map<string, (typeof demo.ragChanges)[number]>();
    for (const change of demo.ragChanges) if (!latest.has(change.lineId) || latest.get(change.lineId)!.changedAt < change.changedAt) latest.set(change.lineId, change);
    await bulkInsert(
      manager,
      ActionPlanLine,
      demo.actionPlanLines.map((l) => ({
        ...l,
        rag: l.rag as Rag,
        updatedAt: new Date(latest.get(l.id)?.changedAt ?? appointedAt),
        updatedByName: latest.get(l.id)?.changedByName ?? 'Board',
        version: demo.ragChanges.filter((c) => c.lineId === l.id).length || 1,
      })),
    );
    await bulkInsert(
      manager,
      RagChange,
      demo.ragChanges.map((c) => ({ ...c, fromRag: c.fromRag as Rag | null, toRag: c.toRag as Rag, changedAt: new Date(c.changedAt) })),
    );
  });
}

export async function isCommissioningEmpty(db: DataSource): Promise<boolean> {
  const [row] = await db.query('SELECT NOT EXISTS (SELECT 1 FROM workstream) AND NOT EXISTS (SELECT 1 FROM board_member) AS empty');
  return row.empty;
}
