// `serve --open` must hand the browser the page's token without putting it where another local
// process could read it first: a browser's argv is world-readable (/proc/<pid>/cmdline), and a
// one-time URL there could be used by whoever was quickest, who then received the token in the
// redirect (issue 27, R10). The browser is handed instead the path of a file only this user can
// read, in serve's private folder (0700), which sends it on to the page with the token in the
// fragment. Anyone who reads the path learns nothing they can open.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The launch page: no script (file pages get no CSP), just a refresh and a link. */
export function launchPage(pageUrl: string): string {
  const url = escapeHtml(pageUrl);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="referrer" content="no-referrer">',
    `<meta http-equiv="refresh" content="0;url=${url}">`,
    '<title>S1 Inventory</title></head>',
    `<body><p>Opening S1 Inventory… <a href="${url}">Continue</a></p></body></html>`,
    '',
  ].join('\n');
}

/** Where serve may write a file only this user can read. */
export interface PrivateFiles {
  writePrivate(name: string, content: string): string;
}

/** Writes the launch page for this launch; returns the path to hand the browser. */
export function writeLaunchFile(files: PrivateFiles, pageUrl: string): string {
  return files.writePrivate('open.html', launchPage(pageUrl));
}
