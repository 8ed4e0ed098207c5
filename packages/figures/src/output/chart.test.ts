import { describe, expect, it } from 'vitest'
import { computeFigures } from '../compute/compute-figures.js'
import { SCENARIO } from '../compute/scenario.test-support.js'
import { chartRows, regionChartSvg } from './chart.js'

const bars = (svg: string) => [...svg.matchAll(/aria-roledescription="bar"/g)].length

describe('regionChartSvg', () => {
  const figures = computeFigures(SCENARIO)

  it('renders valid SVG with two bars (seekers, free seats) per programme of the region', async () => {
    const svg = await regionChartSvg(figures, { level: 'region', key: 'reg-kempen' })
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>/)
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true)
    expect(bars(svg)).toBe(4)
    expect(svg).toContain(
      'aria-label="aantal: 4; studierichting: Elektrotechnieken; reeks: zoekende leerlingen"',
    )
    expect(svg).toContain('aria-label="aantal: 3; studierichting: Verzorging; reeks: vrije capaciteit"')
    expect(svg).toContain('Regio Kempen: zoekende leerlingen en vrije capaciteit')
  })

  it('parses as XML with an svg root (every tag closed, text escaped)', async () => {
    const svg = await regionChartSvg(
      { ...figures, rows: figures.rows.map((r) => ({ ...r, regionLabel: 'Kempen <&> "test"' })) },
      { level: 'province', key: 'Limburg' },
    )
    expect(svg).toContain('Kempen &lt;&amp;&gt;')
    // A minimal well-formedness check: every opened element is closed in order.
    const stack: string[] = []
    for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
      const [, closing, name, selfClosing] = m
      if (selfClosing) continue
      if (closing) expect(stack.pop()).toBe(name)
      else stack.push(name!)
    }
    expect(stack).toEqual([])
    expect(bars(svg)).toBe(4)
  })

  it('keeps the programmes with the most seekers and free seats when asked for fewer', async () => {
    expect(
      chartRows(figures, { level: 'flanders', key: 'vlaanderen' }, { maxProgrammes: 1 }).map(
        (r) => r.programmeTitle,
      ),
    ).toEqual(['Elektrotechnieken'])
    expect(
      bars(await regionChartSvg(figures, { level: 'flanders', key: 'vlaanderen' }, { maxProgrammes: 1 })),
    ).toBe(2)
  })

  it('draws no bars for a region without figures', async () => {
    expect(bars(await regionChartSvg(figures, { level: 'region', key: 'reg-waasland' }))).toBe(0)
  })
})
