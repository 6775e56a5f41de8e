// Hands text to the browser (or the desktop webview) as a file download.

export function saveTextFile(name: string, text: string, type = 'text/plain;charset=utf-8', doc: Document = document): void {
  const blob = new Blob([text], { type })
  const url = URL.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = name
  link.rel = 'noopener'
  link.style.display = 'none'
  doc.body.appendChild(link)
  try {
    link.click()
  } finally {
    link.remove()
    // Revoking at once can cancel the download in some engines.
    setTimeout(() => URL.revokeObjectURL(url), 30_000)
  }
}
