import { describe, expect, it } from 'vitest'
import { computeFigures } from '../compute/compute-figures.js'
import type { FigureRow } from '../compute/model.js'
import { SCENARIO } from '../compute/scenario.test-support.js'
import { csvCell, figuresToCsv, figuresToJson } from './csv.js'

describe('figuresToCsv', () => {
  const figures = computeFigures(SCENARIO)

  it('writes Dutch headers, ; between cells, decimal commas and CRLF, behind a BOM', () => {
    const csv = figuresToCsv(
      figures.rows.filter((r) => r.level === 'province' && r.regionKey === 'Antwerpen'),
    )
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toMatchInlineSnapshot(`
      [
        "Niveau;Regio;Regiocode;Studierichting;Studierichtingnummer;Zoekende leerlingen;Voorgesteld;Zonder plaats;Aanvaard;Plaatsen;Capaciteit;Vrije capaciteit;Onbenut na de run;Erkende werkplekken;Erkende werkplekken onbenut;Stageplaatsen;Duale werkplekken;Aanloopfaseplaatsen;Jobs;Vrije capaciteit stage;Vrije capaciteit duaal;Vrije capaciteit aanloopfase;Vrije capaciteit job;Duale werkplekken zonder ingevoerde erkenning;Duale werkplekken zonder geldige erkenning;Krapte-index;Plaatsingsgraad (%);Kans op een plaats (1-5);Kans op een plaats;Krapte-index Vlaanderen;Plaatsingsgraad Vlaanderen (%);Krapte t.o.v. Vlaanderen (%);Plaatsingsgraad t.o.v. Vlaanderen (procentpunt);Redenen zonder plaats",
        "provincie;Antwerpen;Antwerpen;alle studierichtingen;;4;2;2;1;3;7;6;4;2;2;1;2;0;0;3;3;0;0;0;0;0,67;50;3;redelijk;0,73;50;92;0;anderen stonden hoger gerangschikt: 2",
        "provincie;Antwerpen;Antwerpen;Elektrotechnieken;101;3;2;1;1;2;6;5;3;1;1;1;1;0;0;3;2;0;0;0;0;0,60;67;3;redelijk;0,57;75;105;-8;anderen stonden hoger gerangschikt: 1",
        "provincie;Antwerpen;Antwerpen;Verzorging;202;1;0;1;0;1;1;1;1;1;1;0;1;0;0;0;1;0;0;0;0;1,00;0;1;klein;0,67;25;150;-25;anderen stonden hoger gerangschikt: 1",
        "",
      ]
    `)
  })

  it('neutralises cells that a spreadsheet would run as a formula, and quotes ; and quotes', () => {
    expect(['=1+1', '+32 3 000', '-x', '@SUM(A1)', 'gewoon', 'a;b', 'zeg "hoi"'].map(csvCell)).toEqual([
      "'=1+1",
      "'+32 3 000",
      "'-x",
      "'@SUM(A1)",
      'gewoon',
      '"a;b"',
      '"zeg ""hoi"""',
    ])
    const evil: FigureRow = {
      ...figures.rows[0]!,
      regionLabel: '=HYPERLINK("http://x";"klik")',
      placementVsFlandersPp: -8,
    }
    const [, line] = figuresToCsv([evil], { bom: false }).split('\r\n')
    expect(line?.startsWith(`Vlaanderen;"'=HYPERLINK(""http://x"";""klik"")";vlaanderen;`)).toBe(true)
    expect(line).toContain(';-8;')
  })

  it('neutralises every formula start, after spaces and in full-width, and keeps each cell one cell', () => {
    const starts = ['=', '+', '-', '@', '\t', '\r', '\n', ' =', '  @', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']
    const rests = ["cmd|' /C calc'!A0", 'SUM(1+1)', 'HYPERLINK("http://x";"y")', '1,2;3', '']
    // A CSV reader's view of one cell: unquote, and the value a spreadsheet would see.
    const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell)
    for (const start of starts)
      for (const rest of rests) {
        const cell = csvCell(`${start}${rest}`)
        expect([start, rest, unquote(cell)]).toEqual([start, rest, `'${start}${rest}`])
        if (!cell.startsWith('"')) expect(cell).not.toMatch(/[;,\t\r\n"]/)
      }
    expect(['gewoon', 'a, b', 'tab\there', 'Zoë'].map(csvCell)).toEqual([
      'gewoon',
      '"a, b"',
      '"tab\there"',
      'Zoë',
    ])
    expect([-8, 0, 12.5, '0,67', '-1,5'].map(csvCell)).toEqual(['-8', '0', '12.5', '0,67', '-1,5'])
  })

  it('gives the same figures as JSON', () => {
    expect(JSON.parse(figuresToJson(figures))).toEqual(JSON.parse(JSON.stringify(figures)))
  })
})
