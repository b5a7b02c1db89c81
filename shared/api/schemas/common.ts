import { z } from 'zod'

/** Longest free-text string any channel accepts unless its schema says otherwise. */
export const MAX_STRING = 1_000

/** Strings from the renderer: bounded, so a hostile payload cannot make core allocate without limit. */
export const text = (max = MAX_STRING) => z.string().max(max)

/** Identifier-like strings (device ids, profile ids): short, no control characters. */
export const id = () =>
  z
    .string()
    .min(1)
    .max(128)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .regex(/^[^\u0000-\u001f\u007f]+$/, 'no control characters')

export const isoDateTime = () => z.iso.datetime({ offset: true })

/** No input at all: `undefined`, `null` or `{}` are all accepted and normalised to `{}`. */
export const noInput = z
  .union([z.undefined(), z.null(), z.strictObject({})])
  .transform(() => ({}) as Record<string, never>)

export const locale = z.enum(['fr', 'en'])
export type Locale = z.infer<typeof locale>
