import { randomBytes } from "node:crypto";
import { lstat, open, readFile, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { unlinkSync } from "node:fs";

/** `.<name>.glm-migrate-<pid>-<hex>.tmp`: the pid tells a later run whether the writer still lives. */
const TEMP_NAME = /^\..+\.glm-migrate-(\d+)-[0-9a-f]+\.tmp$/;

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.glm-migrate-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
}

/** Whether a file name is one of our temporary files. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it may be a run of theirs.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes a temporary file left by a run that was killed before it could clean up. Only when the
 * process that named it is gone: a live one may be another run writing it now.
 */
export function removeIfStale(path: string): boolean {
  const match = TEMP_NAME.exec(basename(path));
  if (!match || alive(Number(match[1]))) return false;
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}

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
  const temp = tempPathFor(path);
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
