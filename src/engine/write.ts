import { randomBytes } from "node:crypto";
import { lstat, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Replaces a file's contents atomically: the new bytes go to a temporary file in the same folder,
 * which is renamed over the original. Readers see the old file or the new one, never a mix.
 * Refuses symbolic links (the rename would replace the link, not its target) and files that
 * changed since they were read (another tool or a second run got there first).
 */
export async function writeAtomic(path: string, data: Buffer, original: Buffer): Promise<void> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) throw new Error("is a symbolic link; not written");
  if (!info.isFile()) throw new Error("is not a regular file; not written");
  // Checked by mode bits, not access(): root may write anything, but a read-only file is a request.
  if ((info.mode & 0o222) === 0) throw new Error("is read-only; not written");
  // A rename would give this name a new file and leave the other links with the old text.
  if (info.nlink > 1) throw new Error(`has ${info.nlink - 1} other hard link(s), which a rename would split; not written`);
  const current = await readFile(path);
  if (!current.equals(original)) throw new Error("changed on disk during the run; not written");
  const temp = join(dirname(path), `.${basename(path)}.glm-migrate-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const mode = info.mode & 0o7777;
  const handle = await open(temp, "wx", mode);
  try {
    await handle.writeFile(data);
    await handle.chmod(mode);
    // Keep the owner when we may (as root in a container, say); others cannot and need not.
    await handle.chown(info.uid, info.gid).catch(() => undefined);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
