import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Field, Int, ObjectType } from 'type-graphql';

/** A service children wait for, as the trust's reference data lists it (seeded by the migration). */
@Entity('nhs_service')
@ObjectType({ description: 'A community or specialist NHS service children are referred to and wait for, such as CAMHS or speech and language therapy.' })
export class NhsService {
  @PrimaryColumn('text')
  @Field(() => String, { description: 'The service code, e.g. "CAMHS", "SALT", "ASD_ASSESSMENT".' })
  code: string;

  @Column('text')
  @Field(() => String, { description: 'The service name, e.g. "Speech and language therapy".' })
  name: string;

  @Column('text', { name: 'provider_ods' })
  @Field(() => String, { description: 'The ODS code of the NHS trust that provides the service, e.g. "RYY".' })
  providerOdsCode: string;

  @Column('int', { nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: 'The waiting-time standard in weeks from referral to first contact: 18 for most services, 13 for autism assessment (NICE QS51); empty when the service has none.',
  })
  standardWeeks: number | null;
}
