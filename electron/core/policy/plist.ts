/**
 * macOS managed preferences: `/Library/Managed Preferences/<bundle id>.plist` (computer-wide) and
 * `/Library/Managed Preferences/<user>/<bundle id>.plist` (per user), written by the MDM from a
 * configuration profile's payload (Intune "Preference file" or custom profile). They are binary or
 * XML property lists: `bplist-parser` reads the binary form, `plist` the XML one.
 */
import { parseBuffer } from 'bplist-parser'
import { parse as parseXmlPlist } from 'plist'

export const BUNDLE_ID = 'com.passcodedesk.app'
export const MANAGED_PREFERENCES_DIR = '/Library/Managed Preferences'

const BINARY_MAGIC = 'bplist00'

/** The top-level dictionary of a managed-preferences file; throws on anything else. */
export function parseManagedPlist(buffer: Buffer): Record<string, unknown> {
  let root: unknown
  if (buffer.subarray(0, BINARY_MAGIC.length).toString('latin1') === BINARY_MAGIC) {
    const objects = parseBuffer(buffer)
    root = objects[0]
  } else {
    const text = buffer.toString('utf8')
    // Checked first: the XML parser would print its own error for a file that is not XML at all.
    if (!/<plist[\s>]/.test(text)) throw new Error('The managed preferences file is not a property list')
    root = parseXmlPlist(text)
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root) || root instanceof Date) {
    throw new Error('The managed preferences file is not a dictionary')
  }
  return root as Record<string, unknown>
}

export function managedPlistPaths(user: string): { macComputer: string; macUser: string } {
  return {
    macComputer: `${MANAGED_PREFERENCES_DIR}/${BUNDLE_ID}.plist`,
    macUser: `${MANAGED_PREFERENCES_DIR}/${user}/${BUNDLE_ID}.plist`,
  }
}
