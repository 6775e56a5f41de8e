// Turns a burst of "something changed" signals into as few reloads as
// possible: at most one run in flight and at most one queued behind it.
// Every request made while a run is in flight is answered by the one queued
// run, which starts after the current one ends and so sees every change.

export interface Coalescer {
  /** Asks for a run: starts one now, or queues one if a run is in flight. */
  request(): void
  /** Whether a run is in flight. */
  readonly running: boolean
  /** Drops a queued run and ignores later requests (e.g. on unmount). */
  dispose(): void
}

export function coalesce(task: () => Promise<unknown>): Coalescer {
  let running = false
  let queued = false
  let disposed = false

  async function run() {
    running = true
    try {
      await task()
    } catch {
      // The task reports its own errors; a failure must not stop later runs.
    } finally {
      running = false
    }
    if (queued && !disposed) {
      queued = false
      void run()
    }
  }

  return {
    request() {
      if (disposed) return
      if (running) queued = true
      else void run()
    },
    get running() {
      return running
    },
    dispose() {
      disposed = true
      queued = false
    },
  }
}
