import { createUiPage } from '@/lib/content/ui/page';
import { github } from '@/lib/forges/github/forge';
import { githubPages } from '@/lib/forges/github/pages';

/** The UI's page reader on a GitHub page, as the GitHub UI bundle makes it (entrypoints/github-ui.ts). */
export const githubUiPage = (doc: Document, href: () => string) =>
  createUiPage({ doc, href, forge: github, pages: githubPages });

/** What the GitHub UI bundle gives `createUi` about its forge. */
export const GITHUB_SITE = { forge: github, pages: githubPages };
