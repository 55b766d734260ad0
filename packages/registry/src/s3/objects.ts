/**
 * The handful of S3 object calls the backend makes, with "not found" and "a condition did not
 * hold" turned into values and every other failure into a RegistryError.
 * @module
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { isConditionFailed, isNotFound, type S3ErrorContext, toRegistryError } from "./s3-errors";

/** When a put may happen: always, only if absent, or only if the stored ETag is still this one. */
export type PutCondition =
  | { readonly kind: "always" }
  | { readonly kind: "absent" }
  | { readonly kind: "match"; readonly etag: string };

export interface ObjectHead {
  readonly etag: string;
  readonly size: number;
  /** The store's Last-Modified, epoch ms (0 when the store does not say). */
  readonly lastModifiedMs: number;
}

export interface ObjectBody {
  readonly data: Uint8Array;
  readonly etag: string;
}

export interface ListedObject {
  readonly key: string;
  readonly etag: string;
  readonly size: number;
  /** The store's LastModified, epoch ms (0 when the store does not say). */
  readonly lastModifiedMs: number;
}

/** A whole listing: the objects, and with a delimiter the common prefixes. */
export interface Listing {
  readonly objects: ListedObject[];
  readonly prefixes: string[];
}

export interface ObjectStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  readonly context: S3ErrorContext;
  /** MaxKeys of each ListObjectsV2 page (S3's own cap is 1000); small in tests of pagination. */
  readonly pageSize?: number;
}

/** Object calls on one bucket; `action` names what the registry was doing, for error messages. */
export class ObjectStore {
  readonly #client: S3Client;
  readonly #bucket: string;
  readonly #context: S3ErrorContext;
  readonly #pageSize: number | undefined;

  constructor(options: ObjectStoreOptions) {
    this.#client = options.client;
    this.#bucket = options.bucket;
    this.#context = options.context;
    this.#pageSize = options.pageSize;
  }

  #fail(action: string, e: unknown): never {
    throw toRegistryError(this.#context, action, e);
  }

  /** The object's ETag and size, or null when it does not exist. */
  async head(key: string, action: string): Promise<ObjectHead | null> {
    try {
      const out = await this.#client.send(
        new HeadObjectCommand({ Bucket: this.#bucket, Key: key }),
      );
      return {
        etag: out.ETag ?? "",
        size: out.ContentLength ?? -1,
        lastModifiedMs: out.LastModified?.getTime() ?? 0,
      };
    } catch (e) {
      if (isNotFound(e)) return null;
      return this.#fail(action, e);
    }
  }

  /** The object's bytes and ETag, or null when it does not exist. */
  async get(key: string, action: string): Promise<ObjectBody | null> {
    try {
      const out = await this.#client.send(new GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      const data =
        out.Body === undefined ? new Uint8Array() : await out.Body.transformToByteArray();
      return { data, etag: out.ETag ?? "" };
    } catch (e) {
      if (isNotFound(e)) return null;
      return this.#fail(action, e);
    }
  }

  /**
   * Writes the object under `condition`; resolves false when the condition did not hold (for
   * `match`, also when the object is gone: S3 answers NoSuchKey to If-Match on a missing key).
   */
  async put(
    key: string,
    body: Uint8Array,
    condition: PutCondition,
    action: string,
  ): Promise<boolean> {
    const command = new PutObjectCommand({
      Bucket: this.#bucket,
      Key: key,
      Body: body,
      ContentLength: body.byteLength,
      ...(condition.kind === "absent" ? { IfNoneMatch: "*" } : {}),
      ...(condition.kind === "match" ? { IfMatch: condition.etag } : {}),
    });
    try {
      await this.#client.send(command);
      return true;
    } catch (e) {
      if (condition.kind !== "always" && isConditionFailed(e)) return false;
      if (condition.kind === "match" && isNotFound(e)) return false;
      return this.#fail(action, e);
    }
  }

  /**
   * Deletes the object if its ETag is still `etag`; false when it changed or is gone. Stores that
   * ignore If-Match on DELETE just delete, which is what an unconditional caller wanted anyway.
   */
  async deleteIfMatch(key: string, etag: string, action: string): Promise<boolean> {
    try {
      await this.#client.send(
        new DeleteObjectCommand({ Bucket: this.#bucket, Key: key, IfMatch: etag }),
      );
      return true;
    } catch (e) {
      if (isConditionFailed(e) || isNotFound(e)) return false;
      return this.#fail(action, e);
    }
  }

  /** Every object under `prefix` (all pages); with `delimiter`, the common prefixes too. */
  async list(prefix: string, action: string, delimiter?: string): Promise<Listing> {
    const objects: ListedObject[] = [];
    const prefixes: string[] = [];
    let token: string | undefined;
    do {
      const command = new ListObjectsV2Command({
        Bucket: this.#bucket,
        Prefix: prefix,
        ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
        ...(this.#pageSize === undefined ? {} : { MaxKeys: this.#pageSize }),
        ...(token === undefined ? {} : { ContinuationToken: token }),
      });
      try {
        const page = await this.#client.send(command);
        for (const o of page.Contents ?? []) {
          if (o.Key === undefined) continue;
          objects.push({
            key: o.Key,
            etag: o.ETag ?? "",
            size: o.Size ?? -1,
            lastModifiedMs: o.LastModified?.getTime() ?? 0,
          });
        }
        for (const p of page.CommonPrefixes ?? []) {
          if (p.Prefix !== undefined) prefixes.push(p.Prefix);
        }
        token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } catch (e) {
        return this.#fail(action, e);
      }
    } while (token !== undefined);
    return { objects, prefixes };
  }
}
