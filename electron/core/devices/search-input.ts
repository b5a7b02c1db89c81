import type { ParsedInput } from '@shared/api/contract'

/** `devices:search` input once the router has validated it: what the SQL builders and the planner read. */
export type SearchInput = ParsedInput<'devices:search'>
