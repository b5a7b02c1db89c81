export const DEEP_LINK_SCHEME = 'passcode-desk'
