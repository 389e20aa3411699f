import { Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@local-area-graph/subgraph-kit';
import { TermAttendance } from './term-attendance.js';
import { absenceRate, isPersistentlyAbsent } from './absence.js';
import { School } from '../school/school.js';

const missed = (row: TermAttendance) => row.authorisedAbsence + row.unauthorisedAbsence;

@Resolver(() => TermAttendance)
export class TermAttendanceResolver {
  @FieldResolver(() => School, { description: 'The school that recorded this attendance.' })
  async school(@Root() row: TermAttendance, @Ctx() ctx: SubgraphContext): Promise<School> {
    return (await ctx.loaders.one(School, 'urn').load(row.schoolUrn))!;
  }

  @FieldResolver(() => Int, { description: 'Sessions the child attended: possible sessions less authorised and unauthorised absence.' })
  sessionsAttended(@Root() row: TermAttendance): number {
    return row.sessionsPossible - missed(row);
  }

  @FieldResolver(() => Float, { description: 'The share of possible sessions missed in the term, from 0 to 1 (0.1 is 10%).' })
  absenceRate(@Root() row: TermAttendance): number {
    return absenceRate(row.sessionsPossible, missed(row));
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the child missed 10% or more of possible sessions in the term: the DfE definition of persistent absence.',
  })
  persistentlyAbsent(@Root() row: TermAttendance): boolean {
    return isPersistentlyAbsent(row.sessionsPossible, missed(row));
  }
}
