/** How long a download's object URL lives: Firefox starts the download after the click returns. */
const DOWNLOAD_URL_LIFETIME_MS = 60_000;

/** Offers `text` as a JSON file download named `name`. */
export function downloadJson(doc: Document, name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}
