import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { CacheSecretStorage } from '../../electron/core/auth/token-cache'

/**
 * Stands in for Electron's safeStorage where there is no Electron (the Electron host passes the real
 * one): real AES-256-GCM with a per-instance key, so what reaches disk is genuinely encrypted and a
 * test can scan it for tokens.
 */
export function fakeSafeStorage(available = true): CacheSecretStorage {
  const key = randomBytes(32)
  return {
    isAvailable: async () => available,
    async encrypt(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}
