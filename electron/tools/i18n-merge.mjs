#!/usr/bin/env node
// Deep-merges a fragment { "fr": {...}, "en": {...} } into renderer/src/i18n/{fr,en}.json.
// Several people add strings at once; merging keys (instead of rewriting files) keeps their work.
// Usage: node electron/tools/i18n-merge.mjs fragment.json
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../renderer/src/i18n')
const fragment = JSON.parse(readFileSync(process.argv[2], 'utf8'))

function merge(target, source) {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      target[key] = merge(target[key] && typeof target[key] === 'object' ? target[key] : {}, value)
    } else {
      target[key] = value
    }
  }
  return target
}

for (const locale of ['fr', 'en']) {
  if (!fragment[locale]) continue
  const file = join(dir, `${locale}.json`)
  const current = JSON.parse(readFileSync(file, 'utf8'))
  const tmp = `${file}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(merge(current, fragment[locale]), null, 2) + '\n')
  renameSync(tmp, file)
}
console.log('merged into', dir)
