// LOCAL PLACEHOLDER (not committed): replaced by the S3 backend branch.
import type { RegistryBackend } from "../backend";
export interface S3BackendOptions {
  bucket: string;
  prefix?: string;
  endpoint?: string;
  region?: string;
}
export function createS3Backend(_o: S3BackendOptions): RegistryBackend {
  throw new Error("s3 not yet");
}
export function parseS3Location(l: string): { bucket: string; prefix: string } {
  return { bucket: l, prefix: "" };
}
