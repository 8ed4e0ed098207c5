export interface ProgressSink {
  write(text: string): unknown
  readonly isTTY?: boolean
}

export interface Progress {
  /** `done` of `total` in a stage; the first report of a new stage ends the previous one. */
  update(stage: string, done: number, total: number): void
  /** Ends the last stage and returns the wall time of every stage in ms, in order. */
  finish(): Record<string, number>
}

const WIDTH = 24
const REDRAW_MS = 100

/**
 * Stage progress on a terminal: a bar that redraws in place on a TTY (with the elapsed time ticking
 * while a stage reports nothing), one line per finished stage otherwise (CI, pipes, files).
 */
export function createProgress(sink: ProgressSink, now: () => number = () => performance.now()): Progress {
  const ms: Record<string, number> = {}
  let current: { stage: string; started: number; done: number; total: number } | null = null
  let drawn = 0
  const tty = sink.isTTY === true
  const ticker = tty ? setInterval(() => draw(), 250) : null
  ticker?.unref()

  const line = (c: NonNullable<typeof current>) => {
    const seconds = ((now() - c.started) / 1000).toFixed(1)
    const counts = `${c.done}/${c.total}`
    if (!tty) return `${c.stage}: ${counts} in ${seconds} s\n`
    const filled = c.total === 0 ? WIDTH : Math.round((WIDTH * Math.min(c.done, c.total)) / c.total)
    return `\r\x1b[2K${c.stage.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${counts.padStart(11)}  ${seconds} s`
  }
  const draw = () => {
    if (current && tty) {
      sink.write(line(current))
      drawn = now()
    }
  }
  const end = () => {
    if (!current) return
    ms[current.stage] = Math.round(now() - current.started)
    sink.write(tty ? `${line(current)}\n` : line(current))
    current = null
  }

  return {
    update(stage, done, total) {
      if (current?.stage !== stage) {
        end()
        current = { stage, started: now(), done, total }
        draw()
        return
      }
      current.done = done
      current.total = total
      if (done >= total || now() - drawn >= REDRAW_MS) draw()
    },
    finish() {
      if (ticker) clearInterval(ticker)
      end()
      return ms
    },
  }
}
