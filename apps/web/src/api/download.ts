import { ApiError, CLIENT_ERROR_CODES, toApiError } from './client.ts';

/** Hands a blob to the browser as a file download under `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers still read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Fetches a file the server builds (an Excel export) and saves it. A refusal comes back as an
 * ApiError (shown in words by ProblemAlert), a lost connection as the client's network error.
 */
export async function downloadFile(url: string, fileName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin' }).catch(() => {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  });
  if (!res.ok) throw await toApiError(res);
  saveBlob(await res.blob(), fileName);
}
