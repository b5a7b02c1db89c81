import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { z } from 'zod'

/**
 * A small JSON document on disk, validated on read and replaced atomically on write (write a
 * sibling, then rename), so a crash mid-write leaves the previous version intact.
 */
export function readJsonFile<T>(path: string, schema: z.ZodType<T>, fallback: T): T {
  let raw: string
  try {
    raw = readFileSync(path, 'utf8')
  } catch {
    return fallback
  }
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export function writeJsonFile(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(value, null, 2), { mode: 0o600 })
  renameSync(tmp, path)
}
