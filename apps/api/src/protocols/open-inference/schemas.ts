/**
 * OpenAPI schemas of the Open Inference Protocol (V2) REST API, after the specification's
 * `open_inference_rest.yaml` (kserve/open-inference-protocol).
 * @module
 */
import { z } from "@hono/zod-openapi";

const Parameters = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
  .openapi("V2Parameters", { description: "Name/value pairs (string, number or boolean)." });

/**
 * Tensor contents, row-major: flat, or nested in the tensor's natural shape. Elements are checked
 * against the tensor's datatype by the input parser (zod's number would refuse 1e999 with a
 * message that does not say which row and column).
 */
const TensorData = z.array(z.unknown()).openapi("V2TensorData", {
  items: {
    anyOf: [
      { type: "number" },
      { type: "string" },
      { type: "boolean" },
      { type: "array", items: {} },
    ],
  },
  description:
    "Row-major tensor elements, flat (`[1, 2, 4, 5]`) or nested (`[[1, 2], [4, 5]]`). JSON numbers for FP64, strings for BYTES.",
});

export const V2ErrorSchema = z
  .object({ error: z.string().openapi({ description: "What went wrong." }) })
  .openapi("V2Error", { example: { error: 'Unknown model "mymodel"' } });

export const ServerMetadataSchema = z
  .object({
    name: z.string().openapi({ example: "mle-api" }),
    version: z.string().openapi({ example: "0.1.0" }),
    extensions: z.array(z.string()).openapi({ example: [] }),
  })
  .openapi("V2ServerMetadata");

export const LiveSchema = z.object({ live: z.boolean() }).openapi("V2ServerLive");
export const ReadySchema = z.object({ ready: z.boolean() }).openapi("V2ServerReady");
export const ModelReadySchema = z
  .object({ name: z.string(), ready: z.boolean() })
  .openapi("V2ModelReady", { example: { name: "default", ready: true } });

const MetadataTensor = z
  .object({
    name: z.string(),
    datatype: z.string(),
    shape: z.array(z.number().int()).openapi({ description: "-1 for a variable dimension." }),
    parameters: Parameters.optional(),
  })
  .openapi("V2MetadataTensor");

export const ModelMetadataSchema = z
  .object({
    name: z.string().openapi({ example: "default" }),
    versions: z.array(z.string()).openapi({ example: ["v1", "v2"] }),
    platform: z.string().openapi({ example: "mle_ridge" }),
    inputs: z.array(MetadataTensor),
    outputs: z.array(MetadataTensor),
  })
  .openapi("V2ModelMetadata");

const RequestInput = z
  .object({
    name: z.string(),
    shape: z.array(z.number().int().nonnegative()),
    datatype: z.string(),
    parameters: Parameters.optional(),
    data: TensorData,
  })
  .openapi("V2RequestInput");

const RequestOutput = z
  .object({ name: z.string(), parameters: Parameters.optional() })
  .openapi("V2RequestOutput");

export const InferenceRequestSchema = z
  .object({
    id: z.string().optional(),
    parameters: Parameters.optional(),
    inputs: z.array(RequestInput).min(1),
    outputs: z.array(RequestOutput).optional(),
  })
  .openapi("V2InferenceRequest", {
    example: {
      id: "42",
      inputs: [{ name: "symbols", shape: [2], datatype: "BYTES", data: ["AAPL", "MSFT"] }],
      outputs: [
        { name: "predictions" },
        { name: "prediction_lower" },
        { name: "prediction_upper" },
      ],
    },
  });

export type InferenceRequest = z.output<typeof InferenceRequestSchema>;

const ResponseOutput = z
  .object({
    name: z.string(),
    shape: z.array(z.number().int()),
    datatype: z.literal("FP64"),
    data: z.array(z.number()),
  })
  .openapi("V2ResponseOutput");

export const InferenceResponseSchema = z
  .object({
    model_name: z.string(),
    model_version: z.string(),
    id: z.string().optional(),
    outputs: z.array(ResponseOutput),
  })
  .openapi("V2InferenceResponse", {
    example: {
      model_name: "default",
      model_version: "v1",
      id: "42",
      outputs: [{ name: "predictions", shape: [2], datatype: "FP64", data: [0.00042, -0.0011] }],
    },
  });

export type InferenceResponse = z.output<typeof InferenceResponseSchema>;
export type ResponseOutput = z.output<typeof ResponseOutput>;
