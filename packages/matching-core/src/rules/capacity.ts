import { defineRule } from './rule.js'

/** The place has a seat left after the coordinators' pins. */
export const capacityRule = defineRule({
  code: 'no_capacity',
  passes: (c, _s, p) => c.pSeats[p]! > 0,
  detail: (c, _s, p) => ({ capacity: c.places[p]!.capacity, seatsLeft: c.pSeats[p]! }),
})
