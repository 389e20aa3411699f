import type { EntityManager } from 'typeorm';
import { forbidden, type SubgraphContext } from '@local-area-graph/subgraph-kit';

/**
 * Who may change a local area's improvement plan (progress ratings, targets): an
 * administrator, or a current member of that area's board. Membership is the board's
 * own record (`board_member`, by token subject), not a platform role: the people on a
 * board hold every role there is (the SEND team, a clinician, the parent carer forum,
 * an analyst), and sitting on the board is what lets them change its plan. Reading the
 * board is open to every signed-in role: it holds aggregates and plans, nothing personal.
 *
 * Returns the name the history records the change under.
 */
export async function assertBoardWriter(ctx: SubgraphContext, manager: EntityManager, localAreaCode: string, field: string): Promise<string> {
  if (ctx.viewer.role === 'ADMIN') return ctx.viewer.name ?? ctx.viewer.subject;
  const [member]: { name: string }[] = await manager.query(
    'SELECT name FROM board_member WHERE local_area_code = $1 AND subject = $2 AND ended_at IS NULL',
    [localAreaCode, ctx.viewer.subject],
  );
  if (!member) throw forbidden(field, `only ADMIN or a member of the SEND improvement board of ${localAreaCode} may do this`);
  return member.name;
}
