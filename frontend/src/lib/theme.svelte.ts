// Light/dark theme: follows the operating system unless the user picked one.

export type ThemePreference = 'system' | 'light' | 'dark'
export const THEME_STORAGE_KEY = 'streamwarden.theme'

function readPreference(): ThemePreference {
  try {
    const v = localStorage.getItem(THEME_STORAGE_KEY)
    if (v === 'light' || v === 'dark') return v
  } catch {
    // storage unavailable (private mode, sandbox)
  }
  return 'system'
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches
}

export const theme = $state({
  preference: 'system' as ThemePreference,
  resolved: 'light' as 'light' | 'dark',
})

function apply() {
  theme.resolved = theme.preference === 'system' ? (systemPrefersDark() ? 'dark' : 'light') : theme.preference
  document.documentElement.dataset.theme = theme.resolved
  document.documentElement.style.colorScheme = theme.resolved
}

export function initTheme() {
  theme.preference = readPreference()
  apply()
  if (typeof matchMedia === 'function') {
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      if (theme.preference === 'system') apply()
    })
  }
}

export function setTheme(preference: ThemePreference) {
  theme.preference = preference
  try {
    if (preference === 'system') localStorage.removeItem(THEME_STORAGE_KEY)
    else localStorage.setItem(THEME_STORAGE_KEY, preference)
  } catch {
    // keep the choice for this visit only
  }
  apply()
}
