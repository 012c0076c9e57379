import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { UnavailableError, isUnavailable } from "./errors.ts";
import type { FileStore } from "./files.ts";

/** The file store on AWS: one private bucket, objects written with their content type, encrypted at rest (bucket default). */
export function createS3FileStore(bucket: string, region: string): FileStore {
  const s3 = new S3Client({ region, maxAttempts: 2 });
  const send = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      if (isUnavailable(error)) throw new UnavailableError(error);
      throw error;
    }
  };
  return {
    async put(key, bytes, contentType) {
      await send(() => s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType })));
    },
    async get(key) {
      try {
        const object = await send(() => s3.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
        return { bytes: await object.Body!.transformToByteArray(), contentType: object.ContentType ?? "application/octet-stream" };
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await send(() => s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
    },
  };
}
