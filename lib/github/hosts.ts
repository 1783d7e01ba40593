/** GitHub-owned hosts that serve no repository pages (API, gists, Pages, raw files). */
const NON_REPO_HOSTS = ['github.io', 'githubusercontent.com', 'githubassets.com'];

/**
 * Whether `hostname` serves GitHub repository pages: github.com, GHE.com tenants (`*.ghe.com`) and hosts that
 * look like GitHub Enterprise Server (a `github…` or `ghe…` label, e.g. `github.acme.example`, `ghe-prod.corp`).
 * Other hosts count only when listed in `enterpriseHosts` (e.g. the GHE origins the user granted).
 */
export function isGitHubHost(hostname: string, enterpriseHosts: readonly string[] = []): boolean {
  const host = hostname.toLowerCase();
  if (host === 'github.com') return true;
  if (enterpriseHosts.some((allowed) => allowed.toLowerCase() === host)) return true;
  // api.github.com, gist.github.com, docs.github.com … are not repository pages
  if (host.endsWith('.github.com') || host.startsWith('gist.')) return false;
  if (NON_REPO_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`))) return false;
  if (host.endsWith('.ghe.com')) return true;
  return host.split('.').some((label) => /^(github|ghe)(-|$)/.test(label));
}
