// What the browser tests share: how Chromium is started, and a page that
// records every request leaving the app's origin and every uncaught error.

import { chromium } from 'playwright-core'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export function launchChromium(executablePath) {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS })
}

// watchedPage opens a page whose requests to anywhere but origin land in
// foreign, and whose uncaught errors land in pageErrors.
export async function watchedPage(browser, origin, stepTimeoutMs) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  context.setDefaultTimeout(stepTimeoutMs)
  const page = await context.newPage()
  const foreign = new Set()
  const pageErrors = []
  page.on('request', (req) => {
    const target = req.url()
    if (/^(data|blob|about):/.test(target)) return
    let requested = ''
    try {
      requested = new URL(target).origin
    } catch {
      // unparsable: report it
    }
    if (requested !== origin) foreign.add(target)
  })
  page.on('pageerror', (err) => pageErrors.push(err.message))
  return { context, page, foreign, pageErrors }
}
