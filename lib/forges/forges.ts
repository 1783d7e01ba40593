import type { Forge, ForgeItem } from '@/lib/forges/forge';
import { github } from '@/lib/forges/github/forge';

/*
 * The registry of forges, for code that reads addresses (the background, extension pages, the domain): which
 * forge an address is on, which item it shows. Content scripts take their forge at compile time instead
 * (lib/forges/forge.ts).
 */

export const FORGES: readonly Forge[] = [github];

/** The forge an address is on, or null (not a web address, or no forge of ours). */
export function forgeOf(address: string | URL): Forge | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  return FORGES.find((forge) => forge.isOn(url)) ?? null;
}

/** The issue or pull request an address shows, on whichever forge, else null. */
export function itemOfUrl(address: string | URL): ForgeItem | null {
  return forgeOf(address)?.itemOf(address) ?? null;
}

/** `owner/repo` of any address inside a repository on a forge of ours, else null. */
export function repositoryOfUrl(address: string | URL): string | null {
  return forgeOf(address)?.repositoryOf(address) ?? null;
}

/**
 * The forge of a conversation this extension started: the one its source page is on, else GitHub (text
 * selected elsewhere names a GitHub repository: lib/conversations/start-request.ts).
 */
export function forgeOfSource(sourceUrl: string | null | undefined): Forge {
  return (sourceUrl && forgeOf(sourceUrl)) || github;
}

/** The forge OpenHands names `provider` (`git_provider`); a missing provider is GitHub, as older servers say. */
export function forgeOfProvider(provider: string | null | undefined): Forge | null {
  if (!provider) return github;
  return FORGES.find((forge) => forge.provider === provider) ?? null;
}
