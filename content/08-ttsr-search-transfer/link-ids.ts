/**
 * Link ids of /ttsr-search-transfer's hover links: LR position j → j; reference position i →
 * REF + i; R entry f → RCELL + f. A module of its own so the figure can use them without tfjs.
 */
export const REF = 1 << 20;
export const RCELL = 1 << 21;
