// Browser check of the Map page and Settings → Locations.
//
// Needs a running streamwarden-server started with --demo and a fresh data
// directory (no admin yet) at STREAMWARDEN_URL, and Chromium (CHROMIUM,
// default /usr/bin/chromium). The demo brings simulated servers with
// streams from around the world and a GeoIP database. Optional: SCREENSHOT_DIR.
//
//   STREAMWARDEN_URL=http://127.0.0.1:8080 node e2e/map.mjs

import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { launchChromium, watchedPage } from './browser.mjs'

const BASE = process.env.STREAMWARDEN_URL
if (!BASE) {
  console.error('e2e: STREAMWARDEN_URL is not set (the base URL of a streamwarden-server started with --demo)')
  process.exit(2)
}
const ORIGIN = new URL(BASE).origin
const APP = BASE.replace(/#.*$/, '')
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || ''

const ADMIN_USER = 'admin'
const ADMIN_PASSWORD = `e2e-${randomBytes(6).toString('hex')}`
const STEP_TIMEOUT_MS = 15_000
/** The brief: a live stream shows up on the map within 20 s. */
const LIVE_DOT_TIMEOUT_MS = 20_000
/** Plays reach the history as the demo streams start; the map reloads them on activity. */
const CHOROPLETH_TIMEOUT_MS = 60_000
const OVERALL_TIMEOUT_MS = 240_000

// ---------------------------------------------------------------- reporting

let passed = 0
let failed = 0

async function check(name, fn) {
  const started = Date.now()
  try {
    await fn()
    passed++
    console.log(`  ok   ${name} (${Date.now() - started} ms)`)
    return true
  } catch (err) {
    failed++
    const message = err instanceof Error ? err.message : String(err)
    console.log(`  FAIL ${name}\n       ${message.split('\n').join('\n       ')}`)
    return false
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

async function shot(page, name) {
  if (!SCREENSHOT_DIR) return
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, name) })
}

// ---------------------------------------------------------------- helpers

/** The live sessions as the app sees them, through the same bound method the page calls. */
function liveSessions(page) {
  return page.evaluate(async () => {
    const snap = await window.go.service.Activity.Current()
    return (snap?.sessions ?? []).map((s) => ({
      userName: s.userName,
      city: s.geo?.city ?? '',
      source: s.geo?.source ?? '',
      hasCoordinates: Boolean(s.geo?.hasCoordinates),
    }))
  })
}

const isPlaced = (s) => s.hasCoordinates && s.source !== 'local' && s.source !== 'unknown'

/** The state of the map as drawn in the page. */
function mapState(page) {
  return page.evaluate(() => {
    const countries = [...document.querySelectorAll('[data-testid="map-canvas"] path.sw-country')]
    const coloured = countries.filter((p) => p.classList.contains('sw-has-plays'))
    return {
      countries: countries.length,
      withCode: countries.filter((p) => p.getAttribute('data-country')).length,
      coloured: coloured.map((p) => ({ code: p.getAttribute('data-country'), fill: p.getAttribute('fill') })),
      plainFill: countries.find((p) => !p.classList.contains('sw-has-plays'))?.getAttribute('fill') ?? '',
      dots: document.querySelectorAll('[data-testid="live-dot"]').length,
      canvasSize: (() => {
        const r = document.querySelector('[data-testid="map-canvas"]')?.getBoundingClientRect()
        return r ? { width: Math.round(r.width), height: Math.round(r.height) } : null
      })(),
    }
  })
}

// ---------------------------------------------------------------- browser flow

async function browserFlow(page) {
  const byId = (id) => page.getByTestId(id)
  const steps = [
    [
      'the admin account is created through the setup page',
      async () => {
        await page.goto(APP, { waitUntil: 'domcontentloaded' })
        await byId('setup-form').or(byId('login-form')).or(byId('app-shell')).first().waitFor()
        if ((await byId('setup-form').count()) === 0) {
          const shown = (await byId('login-form').count()) > 0 ? 'login page' : 'app'
          throw new Error(`expected the setup page on a fresh server, got the ${shown} (is the data directory fresh?)`)
        }
        await byId('setup-username').fill(ADMIN_USER)
        await byId('setup-password').fill(ADMIN_PASSWORD)
        await byId('setup-confirm').fill(ADMIN_PASSWORD)
        await byId('setup-submit').click()
        await byId('app-shell').waitFor()
      },
    ],
    [
      'the map page draws the bundled world layer',
      async () => {
        await page.goto(`${APP}#/map`)
        await byId('page-map').waitFor()
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="map-canvas"] path.sw-country').length > 200,
          null,
          { timeout: STEP_TIMEOUT_MS },
        )
        const state = await mapState(page)
        assert(state.canvasSize && state.canvasSize.width > 600 && state.canvasSize.height > 300, `the map is too small: ${JSON.stringify(state.canvasSize)}`)
        assert(state.withCode > 200, `only ${state.withCode} of ${state.countries} country paths carry a country code`)
        if ((await byId('map-world-error').count()) > 0) {
          throw new Error(`the world layer failed: ${await byId('map-world-error').innerText()}`)
        }
      },
    ],
    [
      'the map does not warn about a missing GeoIP database',
      async () => {
        await byId('map-counts').waitFor()
        // Give the first load time to answer before looking for the banner.
        await page.waitForFunction(() => !document.querySelector('[data-testid="map-loading"]'), null, { timeout: STEP_TIMEOUT_MS })
        assert((await byId('map-no-database').count()) === 0, 'the map says there is no GeoIP database, but the demo ships one')
      },
    ],
    [
      `a live stream appears as a dot within ${LIVE_DOT_TIMEOUT_MS / 1000} s`,
      async () => {
        await page.locator('[data-testid="live-dot"]').first().waitFor({ timeout: LIVE_DOT_TIMEOUT_MS })
        const sessions = await liveSessions(page)
        const placed = sessions.filter(isPlaced).length
        const { dots } = await mapState(page)
        // Dots group streams from one point; LAN and unknown streams are never drawn.
        assert(dots <= Math.max(placed, 1), `${dots} dots for ${placed} placeable streams (of ${sessions.length})`)
        const unplaced = sessions.length - placed
        if (unplaced > 0) {
          await byId('unplaced-panel').waitFor({ timeout: STEP_TIMEOUT_MS })
        }
      },
    ],
    [
      'at least one country is coloured by its plays',
      async () => {
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="map-canvas"] path.sw-country.sw-has-plays').length > 0,
          null,
          { timeout: CHOROPLETH_TIMEOUT_MS },
        )
        const state = await mapState(page)
        const distinct = state.coloured.filter((c) => c.fill && c.fill !== state.plainFill)
        assert(distinct.length > 0, `coloured countries share the plain land colour ${state.plainFill}: ${JSON.stringify(state.coloured)}`)
        const legend = await byId('map-legend').innerText()
        assert(/\d/.test(legend), `the legend shows no scale: ${legend}`)
        const plays = Number((await byId('map-count-plays').innerText()).replace(/\D/g, ''))
        assert(plays > 0, 'the counts strip shows no plays')
      },
    ],
    [
      'clicking a live dot opens a popup with the user and the city',
      async () => {
        const sessions = (await liveSessions(page)).filter(isPlaced)
        assert(sessions.length > 0, 'no placeable live stream to click')
        const dot = page.locator('[data-testid="live-dot"]').first()
        try {
          await dot.click({ timeout: 5_000 })
        } catch {
          // An overlay (legend, side panel) may cover the dot: click it directly.
          await dot.dispatchEvent('click')
        }
        const popup = page.locator('.leaflet-popup [data-testid="live-popup"]')
        await popup.waitFor({ timeout: STEP_TIMEOUT_MS })
        const text = await popup.innerText()
        const users = sessions.map((s) => s.userName).filter(Boolean)
        const cities = sessions.map((s) => s.city).filter(Boolean)
        assert(users.some((u) => text.includes(u)), `the popup names none of ${JSON.stringify(users)}:\n${text}`)
        assert(cities.length > 0, 'no live stream has a city')
        assert(cities.some((c) => text.includes(c)), `the popup names none of the cities ${JSON.stringify(cities)}:\n${text}`)
        await shot(page, 'map.png')
      },
    ],
    [
      'Settings → Locations shows a loaded City database',
      async () => {
        await page.goto(`${APP}#/settings/locations`)
        await byId('locations-settings').waitFor()
        const city = page.locator('[data-testid="geo-database-row"][data-kind="city"]')
        await city.waitFor()
        assert((await city.getAttribute('data-loaded')) === 'true', `the City database is not loaded: ${await city.innerText()}`)
        assert((await byId('geo-no-database').count()) === 0, 'the page says there is no database')
        // Server mode: the file is uploaded from the browser.
        await byId('geo-upload-input').waitFor({ state: 'attached' })
        await byId('geo-networks').waitFor()
        await shot(page, 'settings-locations.png')
      },
    ],
  ]

  for (const [name, fn] of steps) {
    if (!(await check(name, fn))) {
      const left = steps.length - steps.findIndex((s) => s[0] === name) - 1
      if (left > 0) {
        failed += left
        console.log(`  SKIP ${left} later browser step(s), counted as failed: they depend on this one`)
      }
      return
    }
  }
}

// ---------------------------------------------------------------- main

async function main() {
  console.log(`e2e: checking the map of ${ORIGIN} with ${CHROMIUM}`)
  let browser = null
  try {
    const launched = await check('Chromium starts', async () => {
      browser = await launchChromium(CHROMIUM)
    })

    if (launched && browser) {
      const { context, page, foreign, pageErrors } = await watchedPage(browser, ORIGIN, STEP_TIMEOUT_MS)

      await browserFlow(page)

      await check('the page raised no uncaught errors', async () => {
        assert(pageErrors.length === 0, pageErrors.join('\n'))
      })
      await check(`the page only requested ${ORIGIN}`, async () => {
        assert(foreign.size === 0, `requests elsewhere: ${[...foreign].join(', ')}`)
      })
      await context.close()
    }
  } catch (err) {
    failed++
    console.log(`  FAIL unexpected error: ${err instanceof Error ? err.stack : err}`)
  } finally {
    if (browser) await browser.close().catch(() => {})
  }
}

const watchdog = setTimeout(() => {
  console.log(`e2e: the map check gave up after ${OVERALL_TIMEOUT_MS / 1000} s`)
  console.log(`e2e: ${passed} passed, ${failed + 1} failed`)
  process.exit(1)
}, OVERALL_TIMEOUT_MS)
watchdog.unref()

await main()
clearTimeout(watchdog)
console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0
