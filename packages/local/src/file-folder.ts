import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { FileStore } from "@naerhed/core/shared/files";
import type { BucketAction, BucketGrant } from "@naerhed/core/shared/manifest";

/**
 * Locally, S3: a folder per bucket, and for each module only what its manifest's bucket grants
 * allow (the actions, under the key prefix), refused with S3's AccessDenied as IAM would. The
 * content type is kept beside each file, as S3 keeps it with the object.
 */

export class AccessDenied extends Error {
  override readonly name = "AccessDenied";
}

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,500}$/;

export function createFolderFileStore(root: string, grants: readonly BucketGrant[]): FileStore {
  const allow = (action: BucketAction, key: string) => {
    const granted = grants.find((candidate) => candidate.actions.includes(action) && key.startsWith(candidate.keyPrefix));
    if (!granted || !SAFE_KEY.test(key) || key.includes("..")) throw new AccessDenied(`${action} on ${key} is not granted`);
    const path = resolve(root, granted.bucket.id, key);
    if (!path.startsWith(resolve(root, granted.bucket.id) + sep)) throw new AccessDenied(`${key} leaves the bucket`);
    return path;
  };
  return {
    async put(key, bytes, contentType) {
      const path = allow("s3:PutObject", key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes);
      await writeFile(`${path}.content-type`, contentType);
    },
    async get(key) {
      const path = allow("s3:GetObject", key);
      try {
        return { bytes: new Uint8Array(await readFile(path)), contentType: await readFile(`${path}.content-type`, "utf8") };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async delete(key) {
      const path = allow("s3:DeleteObject", key);
      await rm(path, { force: true });
      await rm(`${path}.content-type`, { force: true });
    },
  };
}

/** Where a run that keeps its data keeps its files: beside DynamoDB Local's data folder. */
export const filesDirBeside = (dataDir: string) => join(dataDir, "..", "files");
