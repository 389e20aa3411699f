import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '@local-area-graph/identifiers';
import { School } from '../school/school.js';

/** The five domains of the needs radar (Valuing SEND); stored as these names. */
export enum RadarDomain {
  COGNITION_AND_LEARNING = 'COGNITION_AND_LEARNING',
  COMMUNICATION_AND_INTERACTION = 'COMMUNICATION_AND_INTERACTION',
  SENSORY_AND_PHYSICAL = 'SENSORY_AND_PHYSICAL',
  SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH = 'SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH',
  INDEPENDENCE = 'INDEPENDENCE',
}
export const RADAR_DOMAINS: readonly RadarDomain[] = Object.values(RadarDomain);
registerEnumType(RadarDomain, {
  name: 'RadarDomain',
  description: 'One of the five domains of the needs radar: the four broad areas of need of the SEND Code of Practice, and independence.',
  valuesConfig: {
    COGNITION_AND_LEARNING: { description: 'Cognition and learning: how the child learns, remembers and makes sense of things.' },
    COMMUNICATION_AND_INTERACTION: { description: 'Communication and interaction: speech, language and getting on with others.' },
    SENSORY_AND_PHYSICAL: { description: 'Sensory and physical: hearing, vision, movement and other physical needs.' },
    SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH: { description: 'Social, emotional and mental health: feelings, behaviour and wellbeing.' },
    INDEPENDENCE: { description: 'Independence: looking after themselves and preparing for adult life.' },
  },
});

/** Where a value on the radar comes from. */
export enum RadarSource {
  CHILD_ASSESSMENT = 'CHILD_ASSESSMENT',
  SETTING_SELF_ASSESSMENT = 'SETTING_SELF_ASSESSMENT',
  HOME = 'HOME',
}
registerEnumType(RadarSource, {
  name: 'RadarSource',
  description: 'Where a rating on the needs radar comes from.',
  valuesConfig: {
    CHILD_ASSESSMENT: { description: "The child's needs radar assessment, completed by their school or a professional." },
    SETTING_SELF_ASSESSMENT: { description: "The school's own rating of how ready it is to meet needs in the domain, for the whole school." },
    HOME: { description: "The family's rating of how ready and confident home is, given on the child's assessment." },
  },
});

const RATING = '0 none, 1 low, 2 moderate, 3 high, 4 very high';

@Entity('radar_assessment')
@ObjectType({
  description:
    "A needs radar assessment of a child (Valuing SEND): the child's needs rated in each of the five domains, with the home's readiness when the family gave it.",
})
export class RadarAssessment {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: "The assessment's platform id." })
  id: string;

  @Index()
  @Column('uuid')
  childId: string;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the assessment was completed.' })
  assessedDate: string;

  @Column('text')
  @Field(() => String, { description: 'Who completed it, e.g. "SENCO" or "Educational psychologist".' })
  completedBy: string;

  /** The setting that completed it; shown as `school`. */
  @Index()
  @Column('text', { nullable: true })
  schoolUrn: string | null;

  @Column('smallint', { nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: "The child's year group when assessed: -1 nursery, 0 Reception, 1 to 14; empty when the school did not give it.",
  })
  yearGroup: number | null;
}

@Entity('radar_rating')
@ObjectType({ description: "One domain of a child's needs radar assessment." })
export class RadarRating {
  @PrimaryColumn('uuid')
  assessmentId: string;

  @PrimaryColumn('text')
  @Field(() => RadarDomain, { description: 'The domain rated.' })
  domain: RadarDomain;

  @Column('smallint')
  @Field(() => Int, { description: `The child's need in the domain: ${RATING}.` })
  need: number;

  @Column('smallint', { nullable: true })
  @Field(() => Int, { nullable: true, description: `How ready and confident home is in the domain (${RATING}); empty when the family did not give it.` })
  homeReadiness: number | null;
}

@Entity('setting_readiness')
@ObjectType({
  description:
    "A school's own rating of how ready it is to meet needs in one domain of the needs radar, for the whole school; reviewed about twice a year.",
})
export class SettingReadiness {
  @PrimaryColumn('uuid')
  id: string;

  @Index()
  @Column('text')
  schoolUrn: string;

  @Column('text')
  @Field(() => RadarDomain, { description: 'The domain rated.' })
  domain: RadarDomain;

  @Column('smallint')
  @Field(() => Int, { description: `How ready the school is to meet needs in the domain: ${RATING}.` })
  rating: number;

  @Column('date')
  @Field(() => LocalDateScalar, { description: 'The day the school rated itself.' })
  assessedDate: string;
}

@ObjectType({ description: 'One rating on the needs radar, with where it comes from and how old it is.' })
export class RadarValue {
  @Field(() => Int, { description: `The rating: ${RATING}.` })
  rating: number;

  @Field(() => RadarSource, { description: 'Where the rating comes from.' })
  source: RadarSource;

  @Field(() => LocalDateScalar, { description: 'The day the rating was given.' })
  asOf: string;
}

@ObjectType({ description: "One domain of a child's needs radar: the child's need, the school's readiness and the home's readiness." })
export class RadarAxis {
  @Field(() => RadarDomain, { description: 'The domain.' })
  domain: RadarDomain;

  @Field(() => RadarValue, { nullable: true, description: "The child's need, from their latest assessment; empty when it has none for the domain." })
  need: RadarValue | null;

  @Field(() => RadarValue, { nullable: true, description: "The school's latest rating of its own readiness in the domain; empty when it has not rated itself." })
  settingReadiness: RadarValue | null;

  @Field(() => RadarValue, { nullable: true, description: "The home's readiness, from the child's latest assessment; empty when the family did not give it." })
  homeReadiness: RadarValue | null;

  @Field(() => Int, {
    nullable: true,
    description: "The child's need minus the school's readiness: above 0, the need is greater than the school is ready for. Empty when either is missing.",
  })
  gap: number | null;
}

@ObjectType({
  description:
    "A child's needs radar (Valuing SEND) at a glance: for each of the five domains the child's need, the readiness of the school that assessed them, and the home's readiness.",
})
export class NeedsRadar {
  /** The latest assessment's id, for its resolver. */
  assessmentId: string;

  @Field(() => LocalDateScalar, { description: "The day of the child's latest assessment, which gives the need and the home's readiness." })
  assessedDate: string;

  @Field(() => School, {
    nullable: true,
    description: "The school whose readiness is shown: the setting that completed the child's latest assessment; empty when none is recorded.",
  })
  school: School | null;

  @Field(() => [RadarAxis], { description: 'One axis for each domain, in the order the radar draws them.' })
  axes: RadarAxis[];
}
