import type { Rng } from '@stagebrug/synthetic'

// Invented people for the demo; any resemblance to a real person is accidental. Students and adults
// (coordinators, company contacts) draw from disjoint lists, and no student name occurs in a company
// name (packages/synthetic/src/names.ts), so a test that finds a student's name in a company mail
// has found a leak.

const STUDENT_FIRST = words(`
  Emma, Lucas, Noah, Louise, Liam, Olivia, Arthur, Mila, Jules, Elena, Finn, Nora, Lars, Ella,
  Vince, Fien, Mats, Lore, Seppe, Lien, Warre, Jana, Robbe, Amber, Senne, Lisa, Mohamed, Yasmine,
  Emre, Elif, Aya, Ilias, Sara, Rayan, Hanne, Jasper, Febe, Milan, Kato, Brent, Ines, Bram, Jolien,
  Thibo, Nina, Kobe, Axelle, Dries, Marthe, Yusuf
`)

const STUDENT_LAST = words(`
  Vermeiren, Geerts, Luyten, Michiels, Cools, Verbruggen, Leysen, Van Looy, Boeckx, Smolders,
  Verlinden, Daems, Van Gorp, Hendrickx, Verachtert, Bosmans, Van Dyck, Kenis, Lenaerts, Schepers,
  Wuyts, Vanhoof, Meeus, Heylen, Verheyen, Dierckx, Nuyts, Gielen, Swinnen, Vanderhoydonck, Moors,
  Theunis, Vrancken, Schoofs, Hoogmartens, Coenen, Reynders, Yilmaz, Kaya, El Idrissi, Benali,
  Öztürk, Demir, Van Hees, Vanheusden
`)

const ADULT_FIRST = words(`
  Marc, Luc, Ann, Katrien, Geert, Kristof, Sofie, Bart, Hilde, Wim, Inge, Peter, Veerle, Dirk, Els,
  Tom, Nathalie, Koen, Griet, Filip, Karolien, Stijn, Evelien, Johan, Nele, Hans
`)

const ADULT_LAST = words(`
  Peeters, Janssens, Maes, Jacobs, Mertens, Willems, Claes, Goossens, Wouters, De Smet, Hermans,
  Aerts, Vermeulen, Lambrechts, Van Damme, Dubois, Verstraete, Martens, Van Aelst, De Wilde,
  Verhoeven, Van den Bossche
`)

/** A comma-separated list (names may hold spaces: 'Van Looy'), one entry per item. */
function words(list: string): readonly string[] {
  return list.split(',').map((w) => w.trim())
}

export interface Person {
  readonly firstName: string
  readonly lastName: string
}

export function studentName(rng: Rng): Person {
  return { firstName: rng.pick(STUDENT_FIRST), lastName: rng.pick(STUDENT_LAST) }
}

/** A coordinator or a company contact. */
export function adultName(rng: Rng): Person {
  return { firstName: rng.pick(ADULT_FIRST), lastName: rng.pick(ADULT_LAST) }
}

/** Lower case ASCII letters and digits in dash-separated words: 'GO! Campus Geel' → 'go-campus-geel'. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** 'Zoë', 'El Idrissi' → 'zoe.elidrissi', the usual local part of a Flemish school or work address. */
export function localPart(person: Person): string {
  const part = (s: string) => slug(s).replaceAll('-', '')
  return `${part(person.firstName)}.${part(person.lastName)}`
}

/** Hands out names once: a second 'emma.geerts' becomes 'emma.geerts2' (or 'x-2' with separator '-'). */
export class UniqueNames {
  private readonly used = new Set<string>()

  take(base: string, separator = ''): string {
    let name = base
    for (let n = 2; this.used.has(name); n++) name = `${base}${separator}${n}`
    this.used.add(name)
    return name
  }
}
