import { registerEnumType } from 'type-graphql';

/**
 * SEN need type codes (the school census and the SEN2 return), shared by every
 * subgraph that records a need: an enum used by several subgraphs, and as input in
 * some, must be identical in each, so it is defined once here. NSA exists only for SEN
 * support (K); subgraphs that record EHC plans refuse it.
 */
export enum SenNeedType {
  SPLD = 'SPLD',
  MLD = 'MLD',
  SLD = 'SLD',
  PMLD = 'PMLD',
  SEMH = 'SEMH',
  SLCN = 'SLCN',
  HI = 'HI',
  VI = 'VI',
  MSI = 'MSI',
  PD = 'PD',
  ASD = 'ASD',
  OTH = 'OTH',
  NSA = 'NSA',
}
registerEnumType(SenNeedType, {
  name: 'SenNeedType',
  description: "A type of special educational need, by its DfE code (used in the school census and the SEN2 return).",
  valuesConfig: {
    SPLD: { description: 'Specific learning difficulty, such as dyslexia, dyscalculia or dyspraxia (cognition and learning).' },
    MLD: { description: 'Moderate learning difficulty (cognition and learning).' },
    SLD: { description: 'Severe learning difficulty (cognition and learning).' },
    PMLD: { description: 'Profound and multiple learning difficulty (cognition and learning).' },
    SEMH: { description: 'Social, emotional and mental health needs.' },
    SLCN: { description: 'Speech, language and communication needs (communication and interaction).' },
    HI: { description: 'Hearing impairment (sensory and/or physical).' },
    VI: { description: 'Visual impairment (sensory and/or physical).' },
    MSI: { description: 'Multi-sensory impairment (sensory and/or physical).' },
    PD: { description: 'Physical disability (sensory and/or physical).' },
    ASD: { description: 'Autistic spectrum disorder (communication and interaction).' },
    OTH: { description: 'Another difficulty or disability not listed.' },
    NSA: {
      description: 'SEN support but no specialist assessment of the type of need yet. School census only, and only with SEN support (K).',
    },
  },
});
