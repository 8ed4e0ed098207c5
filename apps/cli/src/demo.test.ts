// Runs `pnpm demo`'s entry as a real child process on a small region and checks what it writes.
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const cwd = new URL('..', import.meta.url).pathname
const out = mkdtempSync(join(tmpdir(), 'stagebrug-demo-'))
const tsx = ['--conditions=@stagebrug/source', '--import', 'tsx', 'src/demo.ts']

afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('pnpm demo', () => {
  it('prints proposals with Dutch reasons and a summary, and writes the shortlists', async () => {
    const { stdout } = await run(
      process.execPath,
      [...tsx, '--students', '400', '--region', 'reg-waasland', '--out', out],
      { cwd },
    )
    expect(stdout).toContain('Stagebrug demo — Regio Waasland, 400 leerlingen')
    expect(stdout).toMatch(/1\. \[voorstel\] .+ — score \d+(\.\d)?: zelfde studierichting/)
    expect(stdout).toContain('Samenvatting')
    const students = JSON.parse(readFileSync(join(out, 'students.json'), 'utf8')) as {
      proposals: unknown[]
      status: string
    }[]
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      students: number
      matched: number
      pinned: number
    }
    expect(students).toHaveLength(400)
    expect(summary.students).toBe(400)
    expect(students.filter((s) => s.status !== 'unmatched')).toHaveLength(summary.matched + summary.pinned)
  })

  it('refuses a bad argument with a clear message', async () => {
    await expect(
      run(process.execPath, [...tsx, '--region', 'reg-atlantis', '--out', out], { cwd }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown --region reg-atlantis; choose vlaanderen or one of reg-'),
    })
    await expect(
      run(process.execPath, [...tsx, '--students', 'veel', '--out', out], { cwd }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('--students must be 1–200000, got veel'),
    })
  })
})
