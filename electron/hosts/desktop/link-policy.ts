import { checkExternalUrl, HELP_HOSTS, openableUrl } from '../../adapters/platform/external-url';

/** What the analyst answered when asked to open a link to a host main does not know. */
export type LinkAnswer = 'open' | 'trust' | 'cancel';

export interface LinkPolicyPorts {
  /** Asks the analyst, naming the link's host; never called for a host main trusts. */
  confirm(url: URL): Promise<LinkAnswer>;
  /** Opens the link in the default browser. */
  open(url: URL): Promise<void>;
}

/**
 * Main's own decision to open a link outside the app (issue 27, E9). The backend runs in
 * another process and checks links against the consoles' and targets' hosts, but main cannot
 * tell a backend it should trust from one that was subverted, so it never takes the backend's
 * word for a host: it opens without asking only the help pages and hosts the analyst chose to
 * trust in this session, and asks, naming the host, for any other https link.
 */
export class LinkPolicy {
  private readonly trusted: Set<string>;

  constructor(
    private readonly ports: LinkPolicyPorts,
    trusted: readonly string[] = HELP_HOSTS,
  ) {
    this.trusted = new Set(trusted.map((host) => host.toLowerCase()));
  }

  /** Opens `text` if main's rules allow it; returns whether it was opened. */
  async open(text: string): Promise<boolean> {
    const known = checkExternalUrl(text, this.trusted);
    if (known) {
      await this.ports.open(known);
      return true;
    }
    const url = openableUrl(text);
    if (!url) return false;
    const answer = await this.ports.confirm(url);
    if (answer === 'cancel') return false;
    if (answer === 'trust') this.trusted.add(url.hostname.toLowerCase());
    await this.ports.open(url);
    return true;
  }
}
