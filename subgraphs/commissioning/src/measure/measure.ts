import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { DisclosureSymbol } from '@local-area-graph/disclosure';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import type { BoardScope } from '../board/board-scope.js';
import { MeasureKind, TargetDirection } from './measure-kind.js';

@Entity('measure')
@ObjectType({
  description:
    "A measure the board tracks a workstream by, bound to a figure another service owns: its latest month's value, its month-by-month trend and its rating against its target, all as the owner published them (small numbers withheld).",
})
export class Measure {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The measure's platform id: what setMeasureTarget names." })
  id: string;

  @Index()
  @Column('uuid')
  workstreamId: string;

  @Index()
  @Column('uuid', { nullable: true })
  areaOfWeaknessId: string | null;

  @Column('text')
  @Field(() => String, { description: 'What the board calls it, e.g. "EHC plans issued within 20 weeks".' })
  name: string;

  @Column('text')
  @Field(() => MeasureKind, { description: 'The figure it is bound to.' })
  kind: MeasureKind;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true, description: 'The health service, for a waiting-time measure, e.g. "CAMHS"; empty otherwise.' })
  serviceCode: string | null;

  @Column('smallint')
  sortOrder: number;

  @Column('timestamptz', { nullable: true })
  @Field(() => Date, { nullable: true, description: 'When the board retired it (its targets are kept; it is no longer rated on the board); empty while it is current.' })
  retiredAt: Date | null;

  /** The board it is shown on, with the owners' figures; not a column. */
  board?: BoardScope;
}

@ObjectType({
  description:
    "One month's figure of a measure, exactly as the owning service published it: withheld figures stay withheld (suppressed, symbol c) and are never shown as 0.",
})
export class MeasureReading {
  @Field(() => String, { description: 'The month it describes, written "2026-10".' })
  month: string;

  @Field(() => Float, { nullable: true, description: 'The figure: a share from 0 to 1 or a count, as the unit says; empty when withheld, not available or not applicable.' })
  value: number | null;

  @Field(() => Boolean, { description: 'True when the owner withheld the figure to protect individuals. Treat it as unknown, not as zero.' })
  suppressed: boolean;

  @Field(() => DisclosureSymbol, { nullable: true, description: 'Why value is empty (c, x or z); empty when a value is published.' })
  symbol: DisclosureSymbol | null;

  @Field(() => Boolean, { description: 'True when the owner rounded the figure (health counts, to the nearest 5).' })
  rounded: boolean;
}

@Entity('measure_target')
@ObjectType({ description: 'A target the board set for a measure: a value, which way it is met, the amber threshold, and by when. Targets are kept as history; the latest is current.' })
export class MeasureTarget {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The target's platform id." })
  id: string;

  @Column('uuid')
  measureId: string;

  @Column('text', { nullable: true })
  localityId: string | null;

  @Column('double precision')
  @Field(() => Float, { description: 'The target: a share from 0 to 1 or a whole number, as the measure\'s unit says.' })
  value: number;

  @Column('double precision')
  @Field(() => Float, {
    description: 'The amber threshold: from the target to this value (itself included) the measure is AMBER, beyond it RED. Equal to the target when there is no amber band.',
  })
  amberThreshold: number;

  @Column('text')
  @Field(() => TargetDirection, { description: 'Whether the target is met at or above it, or at or below it.' })
  direction: TargetDirection;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day it is to be met by.' })
  byDate: string;

  @Column('text')
  @Field(() => String, { description: 'Why the board set it, e.g. "Above the national 46.4% by summer 2027".' })
  reason: string;

  /** The token subject of who set it. */
  @Column('text')
  setBy: string;

  @Column('text')
  @Field(() => String, { description: 'Who set it, by name.' })
  setByName: string;

  @Column('timestamptz')
  @Field(() => Date, { description: 'When it was set.' })
  setAt: Date;
}
