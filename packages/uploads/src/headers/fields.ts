// The columns of the two upload kinds: our template header, Dutch/English labels, vendor presets
// (domain.md §5, §9) and generic aliases. docs/uploads/README.md documents the same list.

export type UploadKind = 'students' | 'places' | 'recognitions' | 'mentors'
export type Vendor = 'smartschool' | 'informat' | 'wisa'

export interface FieldDef<K extends string = string> {
  readonly key: K
  /** Header in our own templates (docs/templates). */
  readonly template: string
  readonly nl: string
  readonly en: string
  /** A column for it must be present. */
  readonly required: boolean
  /** Other headers accepted as an exact (normalised) match. */
  readonly aliases: readonly string[]
  /** Headers as a vendor exports them. */
  readonly presets: Partial<Record<Vendor, readonly string[]>>
}

const field = <K extends string>(
  key: K,
  template: string,
  labels: [nl: string, en: string],
  required: boolean,
  aliases: readonly string[] = [],
  presets: Partial<Record<Vendor, readonly string[]>> = {},
): FieldDef<K> => ({ key, template, nl: labels[0], en: labels[1], required, aliases, presets })

export const STUDENT_FIELDS = [
  field(
    'schoolId',
    'instellingsnummer',
    ['Instellingsnummer', 'School number'],
    false,
    ['school', 'schoolnummer'],
    {
      wisa: ['instellingsnummer'],
      informat: ['instellingsnummer'],
    },
  ),
  field(
    'externalId',
    'stamboeknummer',
    ['Stamboeknummer', 'Pupil number'],
    true,
    ['leerlingnummer', 'internnummer', 'pupil id'],
    {
      smartschool: ['internnummer', 'stamboeknummer'],
      wisa: ['stamboeknummer', 'leerlingnummer'],
      informat: ['stamboeknummer', 'leerlingnummer'],
    },
  ),
  field('lastName', 'naam', ['Naam', 'Last name'], true, ['achternaam', 'familienaam', 'last name'], {
    smartschool: ['naam'],
    wisa: ['naam'],
    informat: ['naam'],
  }),
  field('firstName', 'voornaam', ['Voornaam', 'First name'], true, ['roepnaam', 'first name'], {
    smartschool: ['voornaam'],
    wisa: ['voornaam'],
    informat: ['voornaam'],
  }),
  field('birthDate', 'geboortedatum', ['Geboortedatum', 'Birth date'], true, ['birth date', 'geb datum'], {
    smartschool: ['geboortedatum'],
    wisa: ['geboortedatum'],
    informat: ['geboortedatum'],
  }),
  field('className', 'klas', ['Klas', 'Class'], true, ['klascode', 'klasgroep', 'class'], {
    smartschool: ['klas', 'klasnaam'],
    wisa: ['klascode', 'klasgroep'],
    informat: ['klas', 'klasgroep'],
  }),
  field(
    'programme',
    'studierichting',
    ['Studierichting', 'Programme'],
    true,
    ['opleiding', 'structuuronderdeel', 'richting'],
    {
      informat: ['structuuronderdeel', 'studierichting'],
      wisa: ['studierichting', 'opleiding'],
    },
  ),
  field('grade', 'graad', ['Graad', 'Grade'], false, ['grade'], {}),
  field('year', 'leerjaar', ['Leerjaar', 'Year'], false, ['jaar'], {}),
  field(
    'adminGroup',
    'administratieve groep',
    ['Administratieve groep', 'Administrative group'],
    false,
    ['administratievecode', 'admgroep'],
    {
      wisa: ['administratievecode'],
      informat: ['administratieve groep'],
      smartschool: ['administratieve groep'],
    },
  ),
  field(
    'track',
    'traject',
    ['Traject', 'Track'],
    false,
    ['stagetype', 'type', 'soort stage', 'soort traject', 'stagesoort', 'type stage'],
    {},
  ),
  field('postcode', 'postcode', ['Postcode', 'Postcode'], true, ['postnummer', 'post code', 'zip'], {
    smartschool: ['postcode'],
    wisa: ['postnummer'],
    informat: ['postcode'],
  }),
  field('municipality', 'gemeente', ['Gemeente', 'Municipality'], false, ['woonplaats', 'plaats'], {
    smartschool: ['woonplaats'],
    wisa: ['gemeente'],
    informat: ['gemeente', 'woonplaats'],
  }),
  field('street', 'straat', ['Straat', 'Street'], false, [], {
    smartschool: ['straat'],
    wisa: ['straat'],
    informat: ['straat'],
  }),
  field('houseNumber', 'huisnummer', ['Huisnummer', 'House number'], false, ['nr'], {
    smartschool: ['huisnummer'],
    wisa: ['huisnummer'],
    informat: ['huisnummer'],
  }),
  field('box', 'busnummer', ['Busnummer', 'Box'], false, ['bus'], {
    smartschool: ['busnummer'],
    wisa: ['busnummer'],
    informat: ['busnummer'],
  }),
  field('email', 'e-mail', ['E-mail', 'E-mail'], false, ['emailadres', 'email', 'mail'], {
    smartschool: ['emailadres'],
    wisa: ['email'],
    informat: ['e-mail'],
  }),
  field(
    'periodStart',
    'startdatum',
    ['Startdatum', 'Start date'],
    true,
    [
      'begindatum',
      'start stage',
      'van',
      'stageperiode van',
      'periode stage begin',
      'begin stage',
      'stage van',
      'begin stageperiode',
    ],
    {
      informat: ['begindatum'],
    },
  ),
  field(
    'periodEnd',
    'einddatum',
    ['Einddatum', 'End date'],
    true,
    [
      'einde stage',
      'tot',
      'stageperiode tot',
      'periode stage einde',
      'eind stage',
      'stage tot',
      'einde stageperiode',
    ],
    {},
  ),
  field(
    'competences',
    'competenties',
    ['Competenties', 'Competences'],
    false,
    ['opleidingsplan', 'competences'],
    {},
  ),
  field('drivingLicence', 'rijbewijs', ['Rijbewijs', 'Driving licence'], false, [], {}),
  field('workReadiness', 'arbeidsrijp', ['Arbeidsrijp', 'Work-ready'], false, ['arbeidsbereid'], {}),
  field(
    'maxTravelKm',
    'max km',
    ['Maximale afstand (km)', 'Maximum distance (km)'],
    false,
    ['max afstand', 'afstand km'],
    {},
  ),
  field('priority', 'kwetsbaar', ['Kwetsbaar', 'Vulnerable'], false, ['prioriteit'], {}),
  // Issue 14: the pupil's needs and choices the rules read (ja/nee; blank = nee).
  field(
    'needsInclusive',
    'ondersteuningsnood',
    ['Ondersteuningsnood', 'Needs an inclusive workplace'],
    false,
    ['inclusieve werkplek nodig', 'zorgnood', 'needs inclusive workplace'],
    {},
  ),
  field(
    'abroad',
    'buitenland',
    ['Buitenland (Erasmus+)', 'Abroad (Erasmus+)'],
    false,
    ['erasmus', 'stage in het buitenland', 'abroad'],
    {},
  ),
  // Issue 15: what the rules, the scores and the agreement read. All optional.
  field('wishes', 'wensen', ['Wensen', 'Wishes'], false, ['voorkeuren', 'wensen leerling', 'wishes'], {}),
  field(
    'interests',
    'interesses',
    ['Interesses', 'Interests'],
    false,
    ['interessegebieden', 'interests'],
    {},
  ),
  field(
    'firstTwoYearsDone',
    'eerste graad afgewerkt',
    ['Eerste graad afgewerkt', 'First two years done'],
    false,
    ['eerste graad', 'eerste twee jaren afgewerkt', 'first two years done'],
    {},
  ),
  field(
    'travelFrom',
    'afstand vanaf',
    ['Afstand vanaf (thuis/school)', 'Distance from (home/school)'],
    false,
    ['vertrekpunt', 'afstand gemeten vanaf', 'distance from'],
    {},
  ),
  field(
    'guardianName',
    'naam ouder',
    ['Naam ouder/voogd', 'Parent/guardian name'],
    false,
    ['ouder', 'voogd', 'naam voogd', 'parent name'],
    {},
  ),
  field(
    'guardianPhone',
    'telefoon ouder',
    ['Telefoon ouder/voogd', 'Parent/guardian phone'],
    false,
    ['gsm ouder', 'telefoon voogd', 'parent phone'],
    {},
  ),
  field(
    'guardianEmail',
    'e-mail ouder',
    ['E-mail ouder/voogd', 'Parent/guardian e-mail'],
    false,
    ['email ouder', 'e-mail voogd', 'parent email'],
    {},
  ),
  field(
    'dutchLevel',
    'niveau nederlands',
    ['Niveau Nederlands (A1–C2)', 'Dutch level (A1–C2)'],
    false,
    ['taalniveau', 'nederlands niveau', 'dutch level'],
    {},
  ),
] as const satisfies readonly FieldDef[]

export const PLACE_FIELDS = [
  field('externalId', 'plaatscode', ['Plaatscode', 'Place code'], false, ['referentie', 'place id'], {}),
  field(
    'companyNumber',
    'ondernemingsnummer',
    ['Ondernemingsnummer', 'Enterprise number'],
    true,
    ['kbo', 'kbo nummer', 'btw nummer', 'btw'],
    {},
  ),
  field(
    'companyName',
    'bedrijfsnaam',
    ['Bedrijfsnaam', 'Company name'],
    true,
    ['onderneming', 'naam onderneming', 'bedrijf'],
    {},
  ),
  field(
    'establishmentNumber',
    'vestigingseenheidsnummer',
    ['Vestigingseenheidsnummer', 'Establishment unit number'],
    false,
    ['vestigingsnummer', 'vestiging'],
    {},
  ),
  field('street', 'straat', ['Straat', 'Street'], false, ['adres'], {}),
  field('houseNumber', 'huisnummer', ['Huisnummer', 'House number'], false, ['nr'], {}),
  field('postcode', 'postcode', ['Postcode', 'Postcode'], true, ['postnummer'], {}),
  field(
    'municipality',
    'gemeente',
    ['Gemeente', 'Municipality'],
    false,
    ['plaats', 'woonplaats', 'stad', 'city'],
    {},
  ),
  // A place abroad (Erasmus+): the country; blank or België = in Belgium (issue 14).
  field('country', 'land', ['Land', 'Country'], false, ['country', 'land buitenland'], {}),
  field('kind', 'soort', ['Soort plaats', 'Place kind'], true, ['type', 'soort plaats', 'traject'], {}),
  field(
    'programmes',
    'studierichtingen',
    ['Studierichtingen', 'Programmes'],
    true,
    ['studierichting', 'opleidingen', 'opleiding'],
    {},
  ),
  field('competences', 'competenties', ['Competenties', 'Competences'], false, [], {}),
  field('capacity', 'aantal plaatsen', ['Aantal plaatsen', 'Capacity'], true, ['capaciteit', 'plaatsen'], {}),
  field('periodStart', 'startdatum', ['Startdatum', 'Start date'], true, ['begindatum', 'van'], {}),
  field('periodEnd', 'einddatum', ['Einddatum', 'End date'], true, ['tot'], {}),
  field('startTime', 'beginuur', ['Beginuur', 'Start time'], true, ['start uur', 'van uur'], {}),
  field('endTime', 'einduur', ['Einduur', 'End time'], true, ['eind uur', 'tot uur'], {}),
  field('shiftWork', 'ploegenwerk', ['Ploegenwerk', 'Shift work'], false, ['ploegen'], {}),
  field('minimumAge', 'minimumleeftijd', ['Minimumleeftijd', 'Minimum age'], false, ['min leeftijd'], {}),
  field(
    'needsDrivingLicence',
    'rijbewijs nodig',
    ['Rijbewijs nodig', 'Driving licence needed'],
    false,
    ['rijbewijs'],
    {},
  ),
  field(
    'inclusive',
    'inclusief',
    ['Inclusieve werkplek', 'Inclusive workplace'],
    false,
    ['inclusieve werkplek'],
    {},
  ),
  field('sector', 'sector', ['Sector', 'Sector'], false, ['paritair comite'], {}),
  field('contactName', 'contactpersoon', ['Contactpersoon', 'Contact person'], false, ['contact'], {}),
  field(
    'contactEmail',
    'e-mail contact',
    ['E-mail contactpersoon', 'Contact e-mail'],
    true,
    ['e-mail', 'email', 'emailadres'],
    {},
  ),
  field('contactPhone', 'telefoon', ['Telefoon', 'Phone'], false, ['gsm', 'telefoonnummer'], {}),
  // The company's registered seat (maatschappelijke zetel), company level like its name (issue 14).
  field(
    'seatStreet',
    'zetel straat',
    ['Straat maatschappelijke zetel', 'Registered seat street'],
    false,
    ['maatschappelijke zetel straat', 'straat zetel'],
    {},
  ),
  field(
    'seatHouseNumber',
    'zetel huisnummer',
    ['Huisnummer maatschappelijke zetel', 'Registered seat house number'],
    false,
    ['maatschappelijke zetel huisnummer', 'huisnummer zetel'],
    {},
  ),
  field(
    'seatPostcode',
    'zetel postcode',
    ['Postcode maatschappelijke zetel', 'Registered seat postcode'],
    false,
    ['maatschappelijke zetel postcode', 'postcode zetel'],
    {},
  ),
  field(
    'seatMunicipality',
    'zetel gemeente',
    ['Gemeente maatschappelijke zetel', 'Registered seat municipality'],
    false,
    ['maatschappelijke zetel gemeente', 'gemeente zetel'],
    {},
  ),
  // What the documents need (werkpostfiche, agreement; domain.md §9.3, §9.6). All optional.
  field(
    'workstation',
    'werkpost',
    ['Werkpost', 'Workstation'],
    false,
    ['werkpostnaam', 'functie stagiair', 'workstation'],
    {},
  ),
  field(
    'activities',
    'activiteiten',
    ['Activiteiten', 'Activities'],
    false,
    ['activiteitenlijst', 'taken', 'taakomschrijving', 'activities'],
    {},
  ),
  field('risks', "risico's", ["Risico's", 'Risks'], false, ['risico', 'risicolijst', 'risks'], {}),
  field(
    'increasedRisk',
    'verhoogd risico',
    ['Verhoogd risico', 'Increased risk'],
    false,
    ['verhoogde risicos', 'increased risk'],
    {},
  ),
  field(
    'protectiveMeasures',
    'beschermingsmaatregelen',
    ['Beschermingsmaatregelen', 'Protective measures'],
    false,
    ['pbm', 'preventiemaatregelen', 'persoonlijke beschermingsmiddelen', 'protective measures'],
    {},
  ),
  field(
    'healthSurveillance',
    'gezondheidstoezicht',
    ['Gezondheidstoezicht', 'Health surveillance'],
    false,
    ['medisch toezicht', 'gezondheidsbeoordeling', 'health surveillance'],
    {},
  ),
  field(
    'healthSurveillanceType',
    'soort gezondheidstoezicht',
    ['Soort gezondheidstoezicht', 'Kind of health surveillance'],
    false,
    ['type gezondheidstoezicht'],
    {},
  ),
  field(
    'mentorName',
    'mentor naam',
    ['Naam mentor', 'Mentor name'],
    false,
    ['mentor', 'naam mentor', 'stagementor'],
    {},
  ),
  field(
    'mentorFunction',
    'mentor functie',
    ['Functie mentor', 'Mentor function'],
    false,
    ['functie mentor', 'mentor function'],
    {},
  ),
  field(
    'mentorEmail',
    'mentor e-mail',
    ['E-mail mentor', 'Mentor e-mail'],
    false,
    ['e-mail mentor', 'mentor email'],
    {},
  ),
] as const satisfies readonly FieldDef[]

/** The uniform recognition file (erkenningen): one row per company × establishment × programme. */
export const RECOGNITION_FIELDS = [
  field(
    'companyNumber',
    'ondernemingsnummer',
    ['Ondernemingsnummer', 'Enterprise number'],
    true,
    ['kbo', 'kbo nummer', 'btw nummer', 'btw'],
    {},
  ),
  field(
    'establishmentNumber',
    'vestigingseenheidsnummer',
    ['Vestigingseenheidsnummer', 'Establishment unit number'],
    true,
    ['vestigingsnummer', 'vestiging', 'vestigingseenheid'],
    {},
  ),
  field(
    'programme',
    'studierichting',
    ['Studierichting', 'Programme'],
    true,
    ['opleiding', 'structuuronderdeel', 'richting'],
    {},
  ),
  field(
    'reference',
    'erkenningsnummer',
    ['Erkenningsnummer', 'Recognition number'],
    false,
    ['erkenning', 'referentie erkenning', 'recognition number'],
    {},
  ),
  field(
    'validFrom',
    'geldig van',
    ['Geldig van', 'Valid from'],
    true,
    ['erkend sinds', 'begindatum', 'van'],
    {},
  ),
  field(
    'validUntil',
    'geldig tot',
    ['Geldig tot', 'Valid until'],
    false,
    ['vervaldatum', 'einddatum', 'tot'],
    {},
  ),
  field('status', 'status', ['Status', 'Status'], true, ['status erkenning'], {}),
] as const satisfies readonly FieldDef[]

/** The uniform mentor file: one row per mentor of a company, with the places they supervise. */
export const MENTOR_FIELDS = [
  field(
    'companyNumber',
    'ondernemingsnummer',
    ['Ondernemingsnummer', 'Enterprise number'],
    true,
    ['kbo', 'kbo nummer', 'btw nummer', 'btw'],
    {},
  ),
  field('name', 'naam', ['Naam', 'Name'], true, ['naam mentor', 'mentor', 'volledige naam', 'name'], {}),
  field(
    'function',
    'functie',
    ['Functie', 'Function'],
    false,
    ['functie mentor', 'function', 'job title'],
    {},
  ),
  field('email', 'e-mail', ['E-mail', 'E-mail'], false, ['email', 'e-mailadres', 'e-mail mentor'], {}),
  field('phone', 'telefoon', ['Telefoon', 'Phone'], false, ['telefoonnummer', 'gsm', 'phone'], {}),
  field(
    'birthDate',
    'geboortedatum',
    ['Geboortedatum', 'Birth date'],
    false,
    ['birth date', 'geb datum'],
    {},
  ),
  field(
    'declaredAtLeast25',
    'minstens 25 jaar',
    ['Minstens 25 jaar', 'At least 25'],
    false,
    ['25 jaar of ouder', 'minstens 25', 'at least 25'],
    {},
  ),
  field(
    'ageWaiver23',
    'vrijstelling 23 jaar',
    ['Vrijstelling 23 jaar', 'Waiver 23 years'],
    false,
    ['vrijstelling leeftijd', 'afwijking 23 jaar', 'age waiver'],
    {},
  ),
  field(
    'yearsExperience',
    'jaren ervaring',
    ['Jaren ervaring', 'Years of experience'],
    false,
    ['ervaring', 'jaren beroepservaring', 'years of experience'],
    {},
  ),
  field(
    'trainingCompleted',
    'mentoropleiding gevolgd',
    ['Mentoropleiding gevolgd', 'Mentor training completed'],
    false,
    ['mentoropleiding', 'opleiding gevolgd', 'mentor training'],
    {},
  ),
  field(
    'trainingDeadline',
    'uiterste datum opleiding',
    ['Uiterste datum opleiding', 'Training deadline'],
    false,
    ['deadline mentoropleiding', 'uiterste datum mentoropleiding', 'training deadline'],
    {},
  ),
  field(
    'extract5962CheckedOn',
    'uittreksel 596.2 gecontroleerd op',
    ['Uittreksel 596.2 gecontroleerd op', 'Extract 596.2 checked on'],
    false,
    ['uittreksel 596.2', 'uittreksel strafregister gecontroleerd op', 'model 2 gecontroleerd op'],
    {},
  ),
  field(
    'placeCodes',
    'plaatscodes',
    ['Plaatscodes', 'Place codes'],
    false,
    ['plaatscode', 'plaatsen', 'place codes'],
    {},
  ),
] as const satisfies readonly FieldDef[]

export type StudentField = (typeof STUDENT_FIELDS)[number]['key']
export type PlaceField = (typeof PLACE_FIELDS)[number]['key']

export const fieldsOf = (kind: UploadKind): readonly FieldDef[] =>
  kind === 'students'
    ? STUDENT_FIELDS
    : kind === 'recognitions'
      ? RECOGNITION_FIELDS
      : kind === 'mentors'
        ? MENTOR_FIELDS
        : PLACE_FIELDS
