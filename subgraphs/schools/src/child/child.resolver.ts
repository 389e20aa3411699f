import type { GraphQLResolveInfo } from 'graphql';
import { Directive, Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { assertUuid, badUserInput, selects, type SubgraphContext } from '@local-area-graph/subgraph-kit';
import { Child, ChildEducation } from './child.js';
import { School } from '../school/school.js';
import { Enrolment } from '../enrolment/enrolment.js';
import { AttendanceSummary, TERM_ORDER, TermAttendance } from '../attendance/term-attendance.js';
import { absenceRate, isPersistentlyAbsent } from '../attendance/absence.js';
import { Suspension } from '../suspension/suspension.js';
import { SenProvisionStatus } from '../sen-provision/sen-provision.js';
import { academicYearOf, isAcademicYear, isCurrent, todayInEngland } from '../calendar.js';

@Resolver(() => Child)
export class ChildResolver {
  @Directive('@requires(fields: "careTeamPass")')
  @FieldResolver(() => ChildEducation, {
    nullable: true,
    description: "The child's education: school, attendance, suspensions and SEN provision, as their schools record them.",
  })
  education(@Root() child: Child): ChildEducation {
    return { childId: child.id };
  }
}

/*
 * Each list below is loaded for every child in the request in one SQL statement
 * (DataLoader keyed by child id), so the gateway's `_entities` call for a thousand
 * children costs the same handful of statements as for one.
 */
const enrolmentsOf = (ctx: SubgraphContext) => ctx.loaders.many(Enrolment, 'childId', { startDate: 'DESC', id: 'ASC' });
const attendanceOf = (ctx: SubgraphContext) => ctx.loaders.many(TermAttendance, 'childId', { academicYear: 'DESC', schoolUrn: 'ASC' });
const suspensionsOf = (ctx: SubgraphContext) => ctx.loaders.many(Suspension, 'childId', { startDate: 'DESC', id: 'ASC' });
const senHistoryOf = (ctx: SubgraphContext) => ctx.loaders.many(SenProvisionStatus, 'childId', { startDate: 'DESC', id: 'ASC' });

/*
 * The schools a child's records name, read in the same statement as the records when
 * the operation asks for them: a child's education is then one round trip, not a
 * second one for the schools after the first comes back. Through the enrolments
 * alone: attendance, suspensions and SEN provision are recorded by schools the child
 * was on roll at, so the enrolment history names them all (a school it missed is
 * simply looked up after, as before). One extra read, not one per kind of record.
 */
const withSchools = (ctx: SubgraphContext) => ctx.loaders.prefetch(Enrolment, 'childId', 'schoolUrn', School, 'urn');
const withSchoolsIfAsked = (ctx: SubgraphContext, info: GraphQLResolveInfo) => {
  if (selects(info, 'school')) withSchools(ctx);
};

/** Newest term first: by academic year, then summer, spring, autumn (stable, so schools keep their order). */
function newestTermFirst(rows: readonly TermAttendance[]): TermAttendance[] {
  return [...rows].sort(
    (a, b) => b.academicYear.localeCompare(a.academicYear) || TERM_ORDER.indexOf(b.term) - TERM_ORDER.indexOf(a.term),
  );
}

function checkAcademicYear(academicYear: string | null | undefined, argument: string): void {
  if (academicYear != null && !isAcademicYear(academicYear)) {
    throw badUserInput(
      `"${academicYear}" is not an academic year: write it as YYYY/YY with consecutive years, e.g. "2025/26".`,
      argument,
    );
  }
}

@Resolver(() => ChildEducation)
export class ChildEducationResolver {
  @FieldResolver(() => School, {
    nullable: true,
    description: 'The school the child is on roll at now (the most recently joined, if dual registered); empty when on no roll.',
  })
  async currentSchool(@Root() education: ChildEducation, @Ctx() ctx: SubgraphContext): Promise<School | null> {
    withSchools(ctx);
    const today = todayInEngland();
    const current = (await enrolmentsOf(ctx).load(education.childId)).find((enrolment) => isCurrent(enrolment.endDate, today));
    return current ? ctx.loaders.one(School, 'urn').load(current.schoolUrn) : null;
  }

  @FieldResolver(() => [Enrolment], { nullable: true, description: "Every spell on a school's roll, most recently started first." })
  enrolments(@Root() education: ChildEducation, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<Enrolment[]> {
    withSchoolsIfAsked(ctx, info);
    return enrolmentsOf(ctx).load(education.childId);
  }

  @FieldResolver(() => [TermAttendance], { nullable: true,
    description: "Attendance term by term, newest first; one row per school when the child moved school within a term.",
  })
  async attendance(
    @Root() education: ChildEducation,
    @Arg('academicYear', () => String, { nullable: true, description: 'Only this academic year, written "2025/26".' })
    academicYear: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TermAttendance[]> {
    checkAcademicYear(academicYear, 'academicYear');
    withSchoolsIfAsked(ctx, info);
    const rows = await attendanceOf(ctx).load(education.childId);
    return newestTermFirst(academicYear == null ? rows : rows.filter((row) => row.academicYear === academicYear));
  }

  @FieldResolver(() => AttendanceSummary, {
    nullable: true,
    description:
      'Attendance so far in the current academic year (or the year asked for), all terms and schools added together; empty when no attendance is recorded for that year.',
  })
  async attendanceSummary(
    @Root() education: ChildEducation,
    @Arg('academicYear', () => String, {
      nullable: true,
      description: 'The academic year to sum, written "2025/26"; the current academic year when left out.',
    })
    academicYear: string | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AttendanceSummary | null> {
    checkAcademicYear(academicYear, 'academicYear');
    const year = academicYear ?? academicYearOf(todayInEngland());
    const rows = (await attendanceOf(ctx).load(education.childId)).filter((row) => row.academicYear === year);
    if (rows.length === 0) return null;
    let sessionsPossible = 0;
    let sessionsMissed = 0;
    for (const row of rows) {
      sessionsPossible += row.sessionsPossible;
      sessionsMissed += row.authorisedAbsence + row.unauthorisedAbsence;
    }
    return {
      academicYear: year,
      sessionsPossible,
      sessionsMissed,
      absenceRate: absenceRate(sessionsPossible, sessionsMissed),
      persistentlyAbsent: isPersistentlyAbsent(sessionsPossible, sessionsMissed),
    };
  }

  @FieldResolver(() => [Suspension], { nullable: true, description: 'Suspensions and permanent exclusions, newest first.' })
  suspensions(@Root() education: ChildEducation, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<Suspension[]> {
    withSchoolsIfAsked(ctx, info);
    return suspensionsOf(ctx).load(education.childId);
  }

  @FieldResolver(() => SenProvisionStatus, {
    nullable: true,
    description: "The child's SEN provision now: no SEN, SEN support or an EHC plan, with their needs; empty when no school has recorded it.",
  })
  async senStatus(@Root() education: ChildEducation, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<SenProvisionStatus | null> {
    withSchoolsIfAsked(ctx, info);
    const today = todayInEngland();
    return (await senHistoryOf(ctx).load(education.childId)).find((row) => isCurrent(row.endDate, today)) ?? null;
  }

  @FieldResolver(() => [SenProvisionStatus], { nullable: true, description: "Every recorded period of the child's SEN provision, newest first." })
  senHistory(@Root() education: ChildEducation, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<SenProvisionStatus[]> {
    withSchoolsIfAsked(ctx, info);
    return senHistoryOf(ctx).load(education.childId);
  }
}

/**
 * The register belongs to the localities service, so any platform id is taken at its
 * word without touching the database; a value that is not a platform id names no child.
 */
export function resolveChildReference(reference: { id: string }): Child | null {
  try {
    return { id: assertUuid(String(reference.id), 'id') };
  } catch {
    return null;
  }
}
