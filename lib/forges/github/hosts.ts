/**
 * Whether `hostname` serves GitHub repository pages: github.com, plus the hosts the caller explicitly enabled
 * (`enterpriseHosts`, e.g. the GitHub Enterprise origins the user granted). Nothing is guessed from the name:
 * github.blog, github.community or github.acme.example may have paths like `/2026/01` that are no repository.
 */
export function isGitHubHost(hostname: string, enterpriseHosts: readonly string[] = []): boolean {
  const host = hostname.toLowerCase();
  return host === 'github.com' || enterpriseHosts.some((allowed) => allowed.toLowerCase() === host);
}
