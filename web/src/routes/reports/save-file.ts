// Saves an API file download in the browser under the name the server gave it.
import { fetchFile } from '../../api/client.ts';

export async function saveFile(url: string): Promise<void> {
  const { blob, fileName } = await fetchFile(url);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
