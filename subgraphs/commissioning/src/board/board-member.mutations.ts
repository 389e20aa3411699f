import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { InputCheck, conflict, forbidden, inTransaction, isUuid, notFound, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { BoardMember } from './board-member.js';
import { AppointBoardMemberInput, EndBoardMembershipInput } from './board-member.inputs.js';

const MAX_TEXT = 200;
const blankOrLong = (check: InputCheck, value: string, field: string) =>
  check.require(value.trim().length > 0, field, 'is blank').require(value.trim().length <= MAX_TEXT, field, `is longer than ${MAX_TEXT} characters`);

/** Who sits on a board is decided by administrators: the board's own members cannot add to it. */
function requireAdmin(ctx: SubgraphContext, field: string): void {
  if (ctx.viewer.role !== 'ADMIN') throw forbidden(field, 'only ADMIN may change who sits on a board');
}

@Resolver()
export class BoardMemberMutations {
  @Mutation(() => BoardMember, { description: "Add someone to a local area's SEND improvement board, so that they may change its plan. ADMIN only." })
  async appointBoardMember(
    @Arg('input', () => AppointBoardMemberInput, { description: 'Who, and what they do for the board.' }) input: AppointBoardMemberInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BoardMember> {
    const field = 'Mutation.appointBoardMember';
    requireAdmin(ctx, field);
    const check = new InputCheck();
    blankOrLong(check, input.subject, 'subject');
    blankOrLong(check, input.name, 'name');
    blankOrLong(check, input.roleOnBoard, 'roleOnBoard');
    check.done();
    return inTransaction(ctx, async (manager) => {
      const [sitting] = await manager.query('SELECT 1 FROM board_member WHERE local_area_code = $1 AND subject = $2 AND ended_at IS NULL', [input.localAreaCode, input.subject.trim()]);
      if (sitting) throw conflict(`${input.subject.trim()} already sits on this board.`, { field: 'input.subject' });
      const member = manager.getRepository(BoardMember).create({
        id: randomUUID(),
        localAreaCode: input.localAreaCode,
        subject: input.subject.trim(),
        name: input.name.trim(),
        roleOnBoard: input.roleOnBoard.trim(),
        appointedAt: new Date(),
        endedAt: null,
      });
      await manager.getRepository(BoardMember).insert(member);
      return member;
    });
  }

  @Mutation(() => BoardMember, { description: "Record that someone has left a local area's SEND improvement board: from now on they may not change its plan. ADMIN only." })
  async endBoardMembership(
    @Arg('input', () => EndBoardMembershipInput, { description: 'The membership.' }) input: EndBoardMembershipInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BoardMember> {
    const field = 'Mutation.endBoardMembership';
    requireAdmin(ctx, field);
    new InputCheck().require(isUuid(input.memberId), 'memberId', 'is not a platform id').done();
    return inTransaction(ctx, async (manager) => {
      const member = await manager.getRepository(BoardMember).findOne({ where: { id: input.memberId.toLowerCase() }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw notFound('board membership', input.memberId, 'input.memberId');
      if (member.endedAt !== null) throw conflict(`${member.name} left the board on ${member.endedAt.toISOString().slice(0, 10)}.`, { field: 'input.memberId' });
      member.endedAt = new Date();
      await manager.getRepository(BoardMember).save(member);
      return member;
    });
  }
}
