export function shortenCacheRetryWaits(): { waits: number[]; restore(): void };
