/**
 * OpenAPI schemas of the registry routes (`/registry/models…`): models, aliases, alias history.
 * @module
 */
import { z } from "@hono/zod-openapi";
import { isAliasName, isModelName, isVersionName } from "@mle/registry";

export const ModelNamePath = z
  .string()
  .max(64)
  .refine(isModelName, "model must be 1-64 of a-z, 0-9, _ and -, starting with a letter or digit")
  .openapi({ param: { name: "model", in: "path" }, example: "default" });

export const AliasNamePath = z
  .string()
  .max(64)
  .refine(
    isAliasName,
    "alias must be 1-64 of a-z, 0-9, _ and -, starting with a letter or digit, and not a version name",
  )
  .openapi({ param: { name: "alias", in: "path" }, example: "champion" });

const Version = z.string().openapi({ example: "v3" });

export const AliasSchema = z
  .object({
    alias: z.string().openapi({ example: "champion" }),
    version: Version.nullable().openapi({ description: "Null when the pointer is unreadable." }),
    activated_at: z.string().nullable().openapi({ example: "2026-01-02T00:00:00.000Z" }),
    problem: z.string().optional().openapi({ description: "Why the pointer is unreadable." }),
  })
  .openapi("Alias");

export const RegisteredModelSchema = z
  .object({
    name: z.string().openapi({ example: "default" }),
    version_count: z.number().int().openapi({ example: 3 }),
    latest_version: Version.nullable().openapi({ description: "Null when it has none yet." }),
    aliases: z.array(AliasSchema),
  })
  .openapi("RegisteredModel");

export const RegisteredModelsSchema = z
  .object({ location_kind: z.enum(["fs", "s3"]), models: z.array(RegisteredModelSchema) })
  .openapi("RegisteredModels");

export const HistoryEntrySchema = z
  .object({
    seq: z.number().int().openapi({ example: 2 }),
    alias: z.string().openapi({ example: "active" }),
    from: Version.nullable().openapi({ example: "v2" }),
    to: Version,
    at: z.string().openapi({ example: "2026-01-02T00:00:00.000Z" }),
    who: z.string().openapi({ example: "ana@build-7" }),
    reason: z.string().nullable().openapi({ example: "beats v2 on the walk-forward DM test" }),
    prev_hash: z.string().nullable(),
    hash: z.string().openapi({ description: "SHA-256 of the entry; the next entry's prev_hash." }),
  })
  .openapi("AliasHistoryEntry");

export const HistorySchema = z
  .object({ model: z.string(), history: z.array(HistoryEntrySchema) })
  .openapi("AliasHistory");

export const AliasesSchema = z
  .object({ model: z.string(), aliases: z.array(AliasSchema) })
  .openapi("Aliases");

const Reason = z.string().max(1024).optional().openapi({ example: "promote after review" });

export const MoveAliasBodySchema = z
  .object({
    version: z
      .string()
      .max(64)
      .refine((v) => isVersionName(v) || isAliasName(v), "version must be vN or an alias name")
      .openapi({ example: "v3" }),
    reason: Reason,
    expect: z.string().refine(isVersionName, "expect must be vN").nullable().optional().openapi({
      description:
        "Apply only if the alias still points at this version (null: only if unset); else 409 ALIAS_CONFLICT.",
    }),
  })
  .openapi("MoveAlias");

export const HistoryQuery = AliasNamePath.optional().openapi({
  param: { name: "alias", in: "query" },
  description: "Only this alias's history (default: every alias, by time).",
});
