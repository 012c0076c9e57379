/**
 * Where uploaded files live (the organisation's logo): a private S3 bucket on AWS
 * (shared/s3-files.ts), a folder locally (packages/local/src/file-folder.ts), behind one port.
 * Each module reaches only the key prefixes its manifest grants (`buckets`), on AWS by IAM and
 * locally by the folder store, which refuses the rest as S3 would (AccessDenied).
 */
export type StoredFile = { bytes: Uint8Array; contentType: string };

export type FileStore = {
  put: (key: string, bytes: Uint8Array, contentType: string) => Promise<void>;
  get: (key: string) => Promise<StoredFile | undefined>;
  delete: (key: string) => Promise<void>;
};

/** A module without a bucket grant: any use is a mistake in its wiring. */
export const noFiles: FileStore = {
  put: async () => {
    throw new Error("This module has no file store");
  },
  get: async () => {
    throw new Error("This module has no file store");
  },
  delete: async () => {
    throw new Error("This module has no file store");
  },
};
