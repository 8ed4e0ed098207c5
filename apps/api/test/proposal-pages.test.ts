// The proposal lists of schools and companies are one query per view, run as prepared statements
// (issue 7). Whatever their shape, pages followed by their cursor must give exactly the one-page
// list, and each filter the one-page list filtered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorld, PROGRAMME, type Who, type World } from './support/world.js'

interface Listed {
  id: string
  runId: string
  status: string
  place: { id: string }
}
interface Page {
  items: Listed[]
  nextCursor: string | null
}

describe('proposal lists page and filter', () => {
  let w: World
  beforeAll(async () => {
    w = await openWorld({ publish: true })
  })
  afterAll(() => w?.close())

  const get = async (who: Who, url: string): Promise<Page> => {
    const res = await w.call(who, { url })
    if (res.statusCode !== 200) throw new Error(`${who} GET ${url}: ${res.statusCode} ${res.body}`)
    return res.json() as Page
  }
  const ids = (page: Page) => page.items.map((p) => p.id)

  /** Every page of one item, following the cursors. */
  async function pageByPage(who: Who, path: string): Promise<string[]> {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Page = await get(who, `${path}?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(1)
      seen.push(...ids(page))
      cursor = page.nextCursor
    } while (cursor !== null && seen.length < 500)
    return seen
  }

  it.each([
    ['companyX', '/company/proposals'],
    ['companyY', '/company/proposals'],
    ['schoolA', '/school/proposals'],
    ['group', '/school/proposals'],
  ] as const)('%s: %s page by page equals the list in one page', async (who, path) => {
    const all = ids(await get(who, `${path}?limit=200`))
    expect(all.length).toBeGreaterThan(1)
    expect(await pageByPage(who, path)).toEqual(all)
  })

  it('filters a company list by place, status and run', async () => {
    const all = (await get('companyX', '/company/proposals?limit=200')).items
    const byPlace = await Promise.all(
      w.ids.placesX.map(async (placeId) =>
        ids(await get('companyX', `/company/proposals?limit=200&placeId=${placeId}`)),
      ),
    )
    expect(byPlace).toEqual(
      w.ids.placesX.map((placeId) => all.filter((p) => p.place.id === placeId).map((p) => p.id)),
    )
    expect(byPlace.flat().sort()).toEqual(all.map((p) => p.id).sort())
    expect(ids(await get('companyX', '/company/proposals?limit=200&status=proposed'))).toEqual(
      all.filter((p) => p.status === 'proposed').map((p) => p.id),
    )
    expect(ids(await get('companyX', '/company/proposals?limit=200&status=accepted'))).toEqual(
      all.filter((p) => p.status === 'accepted').map((p) => p.id),
    )
    expect(ids(await get('companyX', `/company/proposals?limit=200&run=${all[0]!.runId}`))).toEqual(
      ids({ items: all, nextCursor: null }),
    )
  })

  it('filters a school list by programme and region', async () => {
    const all = ids(await get('group', '/school/proposals?limit=200'))
    expect(ids(await get('group', `/school/proposals?limit=200&programme=${PROGRAMME.id}`))).toEqual(all)
    expect(ids(await get('group', `/school/proposals?limit=200&programme=${PROGRAMME.id + 1}`))).toEqual([])
    // The places are in Geel and Mol: the Kempen.
    expect(ids(await get('group', '/school/proposals?limit=200&region=reg-kempen'))).toEqual(all)
    expect(ids(await get('group', '/school/proposals?limit=200&region=reg-waasland'))).toEqual([])
  })
})
