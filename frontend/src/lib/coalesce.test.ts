import { describe, expect, it, vi } from 'vitest'
import { coalesce } from './coalesce'

function deferred() {
  let resolve: () => void = () => {}
  let reject: (err: unknown) => void = () => {}
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const flush = () => new Promise((r) => setTimeout(r, 0))

describe('coalesce', () => {
  it('runs at once when idle', async () => {
    const task = vi.fn(async () => {})
    const c = coalesce(task)
    c.request()
    expect(task).toHaveBeenCalledTimes(1)
    await flush()
    expect(c.running).toBe(false)
  })

  it('answers a burst during a run with exactly one more run', async () => {
    const runs: ReturnType<typeof deferred>[] = []
    const task = vi.fn(() => {
      const d = deferred()
      runs.push(d)
      return d.promise
    })
    const c = coalesce(task)

    c.request()
    for (let i = 0; i < 10; i++) c.request()
    expect(task).toHaveBeenCalledTimes(1)

    runs[0].resolve()
    await flush()
    expect(task).toHaveBeenCalledTimes(2)

    // Requests during the second run queue a third, once.
    c.request()
    c.request()
    runs[1].resolve()
    await flush()
    expect(task).toHaveBeenCalledTimes(3)

    runs[2].resolve()
    await flush()
    expect(task).toHaveBeenCalledTimes(3)
    expect(c.running).toBe(false)
  })

  it('keeps going after a failed run', async () => {
    const first = deferred()
    const task = vi.fn().mockReturnValueOnce(first.promise).mockResolvedValue(undefined)
    const c = coalesce(task)
    c.request()
    c.request()
    first.reject(new Error('network down'))
    await flush()
    expect(task).toHaveBeenCalledTimes(2)
  })

  it('drops the queued run and later requests once disposed', async () => {
    const first = deferred()
    const task = vi.fn(() => first.promise)
    const c = coalesce(task)
    c.request()
    c.request()
    c.dispose()
    first.resolve()
    await flush()
    c.request()
    expect(task).toHaveBeenCalledTimes(1)
  })
})
