import { defineRule } from './rule.js'

/** The place accepts the student's programme, or a declared related programme. */
export const programmeRule = defineRule({
  code: 'programme_mismatch',
  passes: (_c, _s, _p, x) => x.programmeMatch > 0,
  detail: (c, s, p, x) => ({
    studentProgramme: c.students[s]!.programme,
    placeProgrammes: c.places[p]!.programmes,
    match: x.programmeMatch === 2 ? 'exact' : x.programmeMatch === 1 ? 'related' : 'none',
  }),
})
