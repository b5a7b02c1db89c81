/**
 * The $filter subset Graph accepts on Intune collections (domain §2.6), with its documented quirks
 * reproduced where cheap, so a client that trusts the server's filtering is caught by tests:
 * - `startswith(deviceName,'x')` behaves like *contains* (microsoft-graph-docs-contrib#3813, #55);
 * - two `startswith` joined by `or` return only the first's matches (powershell-intune-samples#188);
 * - `ne` behaves like `eq` on operatingSystem and managedDeviceOwnerType (Intune-PowerShell-SDK#114,
 *   microsoft-graph-docs-contrib#2523);
 * - `deviceEnrollmentType eq …` and `skuFamily` clauses are silently ignored (docs-contrib#235, #2416);
 * - any other property, operator or function → 400 BadRequest.
 * String comparisons are case-insensitive, as Graph's are on these properties.
 */

export class FilterError extends Error {}

type Literal = string | number | boolean | null | Date
export type Node =
  | { readonly t: 'or' | 'and'; readonly l: Node; readonly r: Node }
  | { readonly t: 'not'; readonly e: Node }
  | { readonly t: 'cmp'; readonly op: string; readonly prop: string; readonly value: Literal }
  | { readonly t: 'startswith'; readonly prop: string; readonly value: string }
  | { readonly t: 'ignored' }

export interface FilterSpec {
  /** Properties that support eq/ne (and `or` of them). */
  readonly equality: ReadonlySet<string>
  /** Date properties that support lt/gt (le/ge accepted too). */
  readonly dates: ReadonlySet<string>
  /** Properties usable in startswith(). */
  readonly startsWith: ReadonlySet<string>
  /** Clauses Graph accepts but ignores. */
  readonly ignored: ReadonlySet<string>
  /** `ne` answered as `eq`. */
  readonly neAsEq: ReadonlySet<string>
  /** startswith acts as contains, and `or` of two startswith keeps only the first. */
  readonly intuneStartsWithQuirks: boolean
}

const TOKEN =
  /\s*(?:(\()|(\))|(,)|('(?:[^']|'')*')|([A-Za-z_][\w.]*)|(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)|(-?\d+(?:\.\d+)?))/y

type Tok = { k: '(' | ')' | ',' | 'str' | 'id' | 'date' | 'num'; v: string }

function tokenize(s: string): Tok[] {
  const out: Tok[] = []
  TOKEN.lastIndex = 0
  let pos = 0
  while (pos < s.length) {
    if (/^\s*$/.test(s.slice(pos))) break
    TOKEN.lastIndex = pos
    const m = TOKEN.exec(s)
    if (!m) throw new FilterError(`Syntax error at position ${pos} in '${s}'.`)
    pos = TOKEN.lastIndex
    if (m[1]) out.push({ k: '(', v: '(' })
    else if (m[2]) out.push({ k: ')', v: ')' })
    else if (m[3]) out.push({ k: ',', v: ',' })
    else if (m[4]) out.push({ k: 'str', v: m[4].slice(1, -1).replace(/''/g, "'") })
    else if (m[5]) out.push({ k: 'id', v: m[5] })
    else if (m[6]) out.push({ k: 'date', v: m[6] })
    else out.push({ k: 'num', v: m[7] })
  }
  return out
}

export function parseFilter(text: string, spec: FilterSpec): Node {
  const toks = tokenize(text)
  let i = 0
  const peek = (): Tok | undefined => toks[i]
  const expect = (k: Tok['k']): Tok => {
    const t = toks[i++]
    if (!t || t.k !== k) throw new FilterError(`Syntax error: '${k}' expected in '${text}'.`)
    return t
  }
  const isWord = (w: string): boolean => peek()?.k === 'id' && peek()!.v.toLowerCase() === w

  const literal = (): Literal => {
    const t = toks[i++]
    if (!t) throw new FilterError('Syntax error: value expected.')
    if (t.k === 'str') return t.v
    if (t.k === 'num') return Number(t.v)
    if (t.k === 'date') {
      const d = new Date(t.v)
      if (Number.isNaN(d.getTime())) throw new FilterError(`Invalid DateTimeOffset literal '${t.v}'.`)
      return d
    }
    if (t.k === 'id' && ['true', 'false', 'null'].includes(t.v)) return t.v === 'null' ? null : t.v === 'true'
    throw new FilterError(`Syntax error: unexpected '${t.v}'.`)
  }

  const primary = (): Node => {
    if (peek()?.k === '(') {
      i++
      const e = orExpr()
      expect(')')
      return e
    }
    if (isWord('not')) {
      i++
      return { t: 'not', e: primary() }
    }
    const name = expect('id').v
    if (peek()?.k === '(') {
      i++
      const prop = expect('id').v
      expect(',')
      const value = expect('str').v
      expect(')')
      if (name.toLowerCase() !== 'startswith')
        throw new FilterError(
          `The query specified in the URI is not valid. Function '${name}' is not supported.`,
        )
      if (spec.ignored.has(prop)) return { t: 'ignored' }
      if (!spec.startsWith.has(prop))
        throw new FilterError(`Invalid filter clause: startswith is not supported on '${prop}'.`)
      return { t: 'startswith', prop, value }
    }
    const opTok = expect('id')
    const op = opTok.v.toLowerCase()
    if (!['eq', 'ne', 'lt', 'gt', 'le', 'ge'].includes(op))
      throw new FilterError(`Syntax error: unknown operator '${opTok.v}'.`)
    const value = literal()
    if (spec.ignored.has(name)) return { t: 'ignored' }
    if (spec.dates.has(name)) {
      if (!(value instanceof Date))
        throw new FilterError(`A DateTimeOffset literal is expected for '${name}'.`)
      if (op === 'eq' || op === 'ne')
        throw new FilterError(`Invalid filter clause: operator '${op}' is not supported on '${name}'.`)
    } else if (spec.equality.has(name)) {
      if (op !== 'eq' && op !== 'ne')
        throw new FilterError(`Invalid filter clause: operator '${op}' is not supported on '${name}'.`)
    } else {
      throw new FilterError(`Invalid filter clause: filtering on property '${name}' is not supported.`)
    }
    return { t: 'cmp', op, prop: name, value }
  }
  const andExpr = (): Node => {
    let l = primary()
    while (isWord('and')) {
      i++
      l = { t: 'and', l, r: primary() }
    }
    return l
  }
  const orExpr = (): Node => {
    let l = andExpr()
    while (isWord('or')) {
      i++
      const r = andExpr()
      // Quirk: `startswith(a) or startswith(b)` → only the first clause counts.
      l = spec.intuneStartsWithQuirks && l.t === 'startswith' && r.t === 'startswith' ? l : { t: 'or', l, r }
    }
    return l
  }
  const node = orExpr()
  if (i < toks.length) throw new FilterError(`Syntax error: unexpected '${toks[i].v}' in '${text}'.`)
  return node
}

const lower = (v: unknown): string => String(v ?? '').toLowerCase()

export function evaluate(node: Node, get: (prop: string) => unknown, spec: FilterSpec): boolean {
  switch (node.t) {
    case 'ignored':
      return true
    case 'or':
      return evaluate(node.l, get, spec) || evaluate(node.r, get, spec)
    case 'and':
      return evaluate(node.l, get, spec) && evaluate(node.r, get, spec)
    case 'not':
      return !evaluate(node.e, get, spec)
    case 'startswith': {
      const v = lower(get(node.prop))
      const needle = node.value.toLowerCase()
      return spec.intuneStartsWithQuirks ? v.includes(needle) : v.startsWith(needle)
    }
    case 'cmp': {
      const actual = get(node.prop)
      if (node.value instanceof Date) {
        const t = Date.parse(String(actual))
        const x = node.value.getTime()
        return node.op === 'lt' ? t < x : node.op === 'gt' ? t > x : node.op === 'le' ? t <= x : t >= x
      }
      const equal =
        node.value === null ? actual === null || actual === '' : lower(actual) === lower(node.value)
      if (node.op === 'eq') return equal
      return spec.neAsEq.has(node.prop) ? equal : !equal
    }
  }
}

export const MANAGED_DEVICE_FILTER: FilterSpec = {
  equality: new Set([
    'operatingSystem',
    'complianceState',
    'managementAgent',
    'managementState',
    'deviceName',
    'jailBroken',
    'deviceCategoryDisplayName',
    'managedDeviceOwnerType',
    'userPrincipalName',
    'userId',
    'serialNumber',
    'azureADDeviceId',
  ]),
  dates: new Set(['lastSyncDateTime', 'enrolledDateTime']),
  startsWith: new Set(['deviceName']),
  ignored: new Set(['deviceEnrollmentType', 'skuFamily']),
  neAsEq: new Set(['operatingSystem', 'managedDeviceOwnerType']),
  intuneStartsWithQuirks: true,
}

export const AUDIT_EVENT_FILTER: FilterSpec = {
  equality: new Set(['activityType', 'category', 'activityResult', 'componentName', 'activityOperationType']),
  dates: new Set(['activityDateTime']),
  startsWith: new Set(['activityType', 'displayName']),
  ignored: new Set(),
  neAsEq: new Set(),
  intuneStartsWithQuirks: false,
}

export const REMOTE_ACTION_AUDIT_FILTER: FilterSpec = {
  equality: new Set([
    'managedDeviceId',
    'initiatedByUserPrincipalName',
    'action',
    'actionState',
    'deviceDisplayName',
  ]),
  dates: new Set(['requestDateTime']),
  startsWith: new Set(['deviceDisplayName']),
  ignored: new Set(),
  neAsEq: new Set(),
  intuneStartsWithQuirks: false,
}
