// End-to-end test of the headless server and its web UI.
//
// Needs a running streamwarden-server with a fresh data directory (no admin
// yet) at STREAMWARDEN_URL, and Chromium (CHROMIUM, default /usr/bin/chromium).
// Starts its own fake Plex server on 127.0.0.1. Optional: SCREENSHOT_DIR.
//
//   STREAMWARDEN_URL=http://127.0.0.1:8080 node e2e/run.mjs

import http from 'node:http'
import https from 'node:https'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import { launchChromium, watchedPage } from './browser.mjs'

const BASE = process.env.STREAMWARDEN_URL
if (!BASE) {
  console.error('e2e: STREAMWARDEN_URL is not set (the base URL of a running streamwarden-server)')
  process.exit(2)
}
const ORIGIN = new URL(BASE).origin
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium'
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || ''
const BINDINGS_DIR = fileURLToPath(new URL('../wailsjs/go/service/', import.meta.url))

const ADMIN_USER = 'admin'
const ADMIN_PASSWORD = `e2e-${randomBytes(6).toString('hex')}`
const PLEX_TOKEN = `plex-${randomBytes(9).toString('hex')}`
const SERVER_NAME = 'Home Plex'
const STEP_TIMEOUT_MS = 15_000
const OVERALL_TIMEOUT_MS = 240_000

const IDENTITY_XML =
  '<?xml version="1.0" encoding="UTF-8"?><MediaContainer size="0" claimed="1" machineIdentifier="e2e-machine-id" version="1.41.0.1234"></MediaContainer>'
const ROOT_XML =
  '<MediaContainer friendlyName="E2E Plex" machineIdentifier="e2e-machine-id" version="1.41.0.1234" platform="Linux"></MediaContainer>'

const url = (path) => new URL(path, ORIGIN).toString()

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

// ---------------------------------------------------------------- fake Plex

const SESSIONS_XML = '<MediaContainer size="0"></MediaContainer>'
const PING_INTERVAL_MS = 1000

function startFakePlex(token) {
  const stats = { identity: 0, authorized: 0, rejected: 0, sessions: 0, eventStreams: 0 }
  const pings = new Set()
  const server = http.createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://fake.invalid')
    const path = target.pathname
    const authorized = (req.headers['x-plex-token'] ?? target.searchParams.get('X-Plex-Token')) === token
    const xml = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'text/xml' })
      res.end(body)
    }
    const refuse = () => {
      stats.rejected++
      res.writeHead(401, { 'Content-Type': 'text/html' })
      res.end('<html><head><title>Unauthorized</title></head><body><h1>401 Unauthorized</h1></body></html>')
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405)
      res.end()
    } else if (path === '/identity') {
      stats.identity++
      xml(200, IDENTITY_XML)
    } else if (path === '/') {
      if (!authorized) return refuse()
      stats.authorized++
      xml(200, ROOT_XML)
    } else if (path === '/status/sessions') {
      if (!authorized) return refuse()
      stats.sessions++
      xml(200, SESSIONS_XML)
    } else if (path === '/:/eventsource/notifications') {
      if (!authorized) return refuse()
      stats.eventStreams++
      // Plex keeps the stream open and pings it; nothing ever plays here.
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' })
      const ping = () => res.write('event: ping\ndata: {}\n\n')
      ping()
      const timer = setInterval(ping, PING_INTERVAL_MS)
      pings.add(timer)
      res.on('close', () => {
        clearInterval(timer)
        pings.delete(timer)
      })
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  server.on('close', () => {
    for (const timer of pings) clearInterval(timer)
    pings.clear()
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      resolve({ server, stats, url: `http://127.0.0.1:${port}` })
    })
  })
}

function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections?.()
    server.close(() => resolve())
  })
}

// ---------------------------------------------------------------- HTTP helpers

/** A request that also reports responses sent before the body was fully read (413). */
function rawRequest(target, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const u = new URL(target)
    const mod = u.protocol === 'https:' ? https : http
    let response = null
    const chunks = []
    const finish = () => {
      if (response) resolve({ ...response, text: Buffer.concat(chunks).toString('utf8') })
    }
    const req = mod.request(u, { method, headers }, (res) => {
      response = { status: res.statusCode, headers: res.headers }
      res.on('data', (c) => chunks.push(c))
      res.on('end', finish)
      res.on('error', finish)
      res.on('close', finish)
    })
    req.setTimeout(STEP_TIMEOUT_MS, () => req.destroy(new Error(`no answer from ${target} within ${STEP_TIMEOUT_MS} ms`)))
    req.on('error', (err) => {
      // The server may close the connection while the body is still being
      // sent; what counts is the response it sent first.
      if (response) finish()
      else reject(err)
    })
    req.end(body)
  })
}

function parseJSON(text) {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Bound methods, read from the generated bindings so the list follows the Go code. */
function boundMethods() {
  let files
  try {
    files = readdirSync(BINDINGS_DIR).filter((f) => f.endsWith('.d.ts'))
  } catch (err) {
    throw new Error(`cannot read the generated bindings in ${BINDINGS_DIR}: ${err.message}`)
  }
  const methods = []
  for (const file of files.sort()) {
    const struct = file.slice(0, -'.d.ts'.length)
    const source = readFileSync(join(BINDINGS_DIR, file), 'utf8')
    for (const m of source.matchAll(/^export function (\w+)\(/gm)) methods.push(`${struct}.${m[1]}`)
  }
  return methods
}

function cookieHeader(res) {
  const list = typeof res.headers.getSetCookie === 'function' ? res.headers.getSetCookie() : []
  const raw = list.length > 0 ? list : (res.headers.get('set-cookie') ?? '').split(/,(?=\s*[^;,=\s]+=)/)
  return raw
    .map((c) => c.split(';')[0].trim())
    .filter((c) => c.includes('='))
    .join('; ')
}

// ---------------------------------------------------------------- browser flow

async function shot(page, name) {
  if (!SCREENSHOT_DIR) return
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOT_DIR, name) })
}

const NAV_PAGES = ['dashboard', 'map', 'history', 'users', 'alerts', 'rules', 'settings']

async function browserFlow(page, plex) {
  const byId = (id) => page.getByTestId(id)
  const steps = [
    [
      'first visit shows the admin setup page',
      async () => {
        await page.goto(BASE, { waitUntil: 'domcontentloaded' })
        await byId('setup-form').or(byId('login-form')).or(byId('app-shell')).first().waitFor()
        if ((await byId('setup-form').count()) === 0) {
          const shown = (await byId('login-form').count()) > 0 ? 'login page' : 'app'
          throw new Error(`expected the setup page on a fresh server, got the ${shown} (is the data directory fresh?)`)
        }
      },
    ],
    [
      'setup refuses a password under 10 characters',
      async () => {
        await byId('setup-username').fill(ADMIN_USER)
        await byId('setup-password').fill('short')
        await byId('setup-confirm').fill('short')
        await byId('setup-submit').click()
        const text = await byId('setup-password-error').textContent()
        assert(/10 characters/.test(text ?? ''), `unexpected password hint: ${text}`)
      },
    ],
    [
      'creating the admin signs in and opens the dashboard',
      async () => {
        await byId('setup-password').fill(ADMIN_PASSWORD)
        await byId('setup-confirm').fill(ADMIN_PASSWORD)
        await byId('setup-submit').click()
        await byId('app-shell').waitFor()
        await byId('page-dashboard').waitFor()
      },
    ],
    [
      'every navigation entry opens its page',
      async () => {
        for (const id of NAV_PAGES) {
          await byId(`nav-${id}`).click()
          await byId(`page-${id}`).waitFor()
          const hash = await page.evaluate(() => location.hash)
          assert(hash.startsWith(`#/${id}`), `nav-${id} led to ${hash}`)
          const text = (await byId(`page-${id}`).innerText()).trim()
          assert(text.length > 80, `page ${id} is nearly empty: ${JSON.stringify(text)}`)
        }
      },
    ],
    [
      'deep link to Settings → About shows the server information',
      async () => {
        await page.goto(`${BASE.replace(/#.*$/, '')}#/settings/about`)
        await byId('about-settings').waitFor()
        const mode = await byId('about-mode').innerText()
        assert(/headless server/i.test(mode), `About shows mode ${JSON.stringify(mode)}`)
        await byId('settings-tab-access').waitFor()
      },
    ],
    [
      'with no server yet, the dashboard links to the add form',
      async () => {
        await byId('nav-dashboard').click()
        await byId('dashboard-add-server').click()
        await byId('server-form').waitFor()
        await byId('servers-settings').waitFor()
        const hash = await page.evaluate(() => location.hash)
        assert(hash === '#/settings/servers', `the add form left the hash at ${hash}`)
      },
    ],
    [
      'a wrong Plex token is reported as rejected',
      async () => {
        await byId('server-kind').selectOption('plex')
        await byId('server-name').fill(SERVER_NAME)
        await byId('server-url').fill(plex.url)
        await byId('server-token').fill('not-the-token')
        await byId('server-test').click()
        const result = byId('test-result')
        await result.waitFor()
        const ok = await result.getAttribute('data-ok')
        const text = await result.innerText()
        assert(ok === 'false' && /Token rejected/.test(text), `expected "Token rejected", got: ${text}`)
      },
    ],
    [
      'testing the form settings reaches the fake Plex server',
      async () => {
        await byId('server-token').fill(PLEX_TOKEN)
        await byId('server-test').click()
        const result = byId('test-result')
        await result.waitFor()
        const ok = await result.getAttribute('data-ok')
        const text = await result.innerText()
        assert(ok === 'true' && text.includes('E2E Plex'), `expected a successful test naming "E2E Plex", got: ${text}`)
        assert(plex.stats.authorized > 0, 'the fake Plex server never saw the right token')
      },
    ],
    [
      'saving lists the server',
      async () => {
        await byId('server-save').click()
        await byId('server-form').waitFor({ state: 'detached' })
        const row = byId('server-row').filter({ hasText: SERVER_NAME })
        await row.waitFor()
        const text = await row.innerText()
        assert(text.includes(plex.url), `row does not show the URL: ${text}`)
        assert(!text.includes(PLEX_TOKEN), 'the row shows the token')
      },
    ],
    [
      'testing the saved server uses the stored token',
      async () => {
        const row = byId('server-row').filter({ hasText: SERVER_NAME })
        await row.getByTestId('server-test-row').click()
        const result = row.getByTestId('test-result')
        await result.waitFor()
        const text = await result.innerText()
        assert((await result.getAttribute('data-ok')) === 'true', `saved-server test failed: ${text}`)
        assert(text.includes('E2E Plex'), `unexpected result: ${text}`)
        await shot(page, 'settings-servers.png')
      },
    ],
    [
      'the server is still listed after a reload (session cookie)',
      async () => {
        await page.reload({ waitUntil: 'domcontentloaded' })
        await byId('app-shell').waitFor()
        await byId('server-row').filter({ hasText: SERVER_NAME }).waitFor()
      },
    ],
    [
      'the history page opens with its empty state',
      async () => {
        await byId('nav-history').click()
        const empty = byId('history-empty')
        await empty.waitFor()
        const text = await empty.innerText()
        assert(/No plays recorded yet/.test(text), `unexpected history state: ${text}`)
        await shot(page, 'history.png')
      },
    ],
    [
      'the dashboard shows a status chip for the server and that nothing is playing',
      async () => {
        await byId('nav-dashboard').click()
        const chip = byId('server-status').filter({ hasText: SERVER_NAME })
        await chip.waitFor()
        // Connecting at first; the chip follows the monitor without a reload.
        await page.waitForFunction(
          (name) =>
            [...document.querySelectorAll('[data-testid="server-status"]')].some(
              (el) => el.textContent.includes(name) && ['realtime', 'polling'].includes(el.getAttribute('data-connection')),
            ),
          SERVER_NAME,
          { timeout: STEP_TIMEOUT_MS },
        )
        const text = await chip.innerText()
        assert(/Live|Polling/.test(text), `unexpected server status: ${text}`)
        assert(/0 streams/.test(text), `the chip does not count 0 streams: ${text}`)
        const empty = await byId('activity-empty').innerText()
        assert(/Nothing is playing right now/.test(empty), `unexpected empty state: ${empty}`)
        assert(plex.stats.sessions > 0, 'the server never listed the sessions of the fake Plex server')
        await shot(page, 'dashboard.png')
      },
    ],
    [
      'logging out shows the login page',
      async () => {
        await byId('logout').click()
        await byId('login-form').waitFor()
        assert((await byId('app-shell').count()) === 0, 'the app is still shown after logout')
        await shot(page, 'login.png')
      },
    ],
    [
      'a wrong password is refused with an error',
      async () => {
        await byId('login-username').fill(ADMIN_USER)
        await byId('login-password').fill(`${ADMIN_PASSWORD}-wrong`)
        await byId('login-submit').click()
        await byId('login-error').waitFor()
        assert((await byId('app-shell').count()) === 0, 'a wrong password opened the app')
      },
    ],
    [
      'the right password signs in again',
      async () => {
        await byId('login-password').fill(ADMIN_PASSWORD)
        await byId('login-submit').click()
        await byId('app-shell').waitFor()
        await byId('page-dashboard').waitFor()
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

// ---------------------------------------------------------------- API checks

async function apiChecks() {
  let methods = []
  await check('bound methods are read from the generated bindings', async () => {
    methods = boundMethods()
    assert(methods.length > 0, `no "export function" found in ${BINDINGS_DIR}*.d.ts`)
    assert(methods.includes('Servers.List'), `Servers.List is missing from ${methods.join(', ')}`)
  })

  await check(`every bound method answers 401 without a session (${methods.length} methods)`, async () => {
    const wrong = []
    for (const m of methods) {
      const [struct, name] = m.split('.')
      const res = await fetch(url(`/api/${struct}/${name}`), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '[]',
      })
      await res.arrayBuffer()
      if (res.status !== 401) wrong.push(`${m} → ${res.status}`)
    }
    assert(wrong.length === 0, `not refused: ${wrong.join(', ')}`)
  })

  await check('the event stream answers 401 without a session', async () => {
    const ac = new AbortController()
    const timer = setTimeout(() => ac.abort(), STEP_TIMEOUT_MS)
    try {
      const res = await fetch(url('/api/events'), { headers: { Accept: 'text/event-stream' }, signal: ac.signal })
      assert(res.status === 401, `GET /api/events → ${res.status}`)
    } finally {
      clearTimeout(timer)
      ac.abort()
    }
  })

  await check('GET /api/health is public', async () => {
    const res = await fetch(url('/api/health'))
    await res.arrayBuffer()
    assert(res.status === 200, `GET /api/health → ${res.status}`)
  })

  let cookie = ''
  await check('logging in from a script returns a session cookie', async () => {
    const res = await fetch(url('/api/auth/login'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ username: ADMIN_USER, password: ADMIN_PASSWORD }),
    })
    const text = await res.text()
    assert(res.status === 200, `POST /api/auth/login → ${res.status} ${text}`)
    cookie = cookieHeader(res)
    assert(cookie, 'no Set-Cookie in the login response')
  })

  await check('with the session, Servers.List returns the server without its token', async () => {
    const res = await fetch(url('/api/Servers/List'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN, Cookie: cookie },
      body: '[]',
    })
    const text = await res.text()
    assert(res.status === 200, `Servers.List → ${res.status} ${text}`)
    const list = parseJSON(text)
    assert(Array.isArray(list), `Servers.List did not return an array: ${text.slice(0, 200)}`)
    assert(
      list.some((s) => s && s.name === SERVER_NAME),
      `"${SERVER_NAME}" is not in ${text.slice(0, 300)}`,
    )
    assert(!text.includes(PLEX_TOKEN), 'Servers.List returned the token')
  })

  await check('an invalid JSON body gets 400 with a JSON error', async () => {
    const res = await fetch(url('/api/Servers/List'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN, Cookie: cookie },
      body: '{"not": json',
    })
    const text = await res.text()
    assert(res.status === 400, `expected 400, got ${res.status} ${text.slice(0, 200)}`)
    const body = parseJSON(text)
    assert(body && typeof body.error === 'string' && body.error.length > 0, `no JSON {"error"} body: ${text.slice(0, 200)}`)
  })

  await check('a 2 MiB body gets 413', async () => {
    const body = Buffer.from(JSON.stringify(['x'.repeat(2 * 1024 * 1024)]))
    const res = await rawRequest(url('/api/Servers/List'), {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': String(body.length),
        Origin: ORIGIN,
        Cookie: cookie,
      },
      body,
    })
    assert(res.status === 413, `expected 413, got ${res.status} ${res.text.slice(0, 200)}`)
  })
}

// ---------------------------------------------------------------- main

async function main() {
  console.log(`e2e: testing ${ORIGIN} with ${CHROMIUM}`)
  let plex = null
  let browser = null
  try {
    plex = await startFakePlex(PLEX_TOKEN)
    console.log(`e2e: fake Plex server at ${plex.url}`)

    const launched = await check('Chromium starts', async () => {
      browser = await launchChromium(CHROMIUM)
    })

    if (launched && browser) {
      const { context, page, foreign, pageErrors } = await watchedPage(browser, ORIGIN, STEP_TIMEOUT_MS)

      await browserFlow(page, plex)

      await check('the page raised no uncaught errors', async () => {
        assert(pageErrors.length === 0, pageErrors.join('\n'))
      })
      await check(`the page only requested ${ORIGIN}`, async () => {
        assert(foreign.size === 0, `requests elsewhere: ${[...foreign].join(', ')}`)
      })
      await context.close()
    }

    await apiChecks()
  } catch (err) {
    failed++
    console.log(`  FAIL unexpected error: ${err instanceof Error ? err.stack : err}`)
  } finally {
    if (browser) await browser.close().catch(() => {})
    if (plex) await closeServer(plex.server)
  }
}

const watchdog = setTimeout(() => {
  console.log(`e2e: gave up after ${OVERALL_TIMEOUT_MS / 1000} s`)
  console.log(`e2e: ${passed} passed, ${failed + 1} failed`)
  process.exit(1)
}, OVERALL_TIMEOUT_MS)
watchdog.unref()

await main()
clearTimeout(watchdog)
console.log(`e2e: ${passed} passed, ${failed} failed`)
process.exitCode = failed > 0 ? 1 : 0
