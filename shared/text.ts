/**
 * Case- and accent-folded text: "Hélène" and "HELENE" both become "helene". One definition for every
 * place an agent's typing is matched or sorted without accents (the cache's sort keys, history
 * filters, the walkthrough's caller name) — French names must match however they are typed.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}
