/**
 * OpenAPI schema of `GET /model/{version}/predictions`: the trainer's `PredictionsArtifact`
 * (`predictions.json`), served as stored.
 * @module
 */
import { z } from "@hono/zod-openapi";

const column = (description: string, example: number[]) =>
  z.array(z.number()).openapi({ description, example });

export const PredictionsSchema = z
  .object({
    format: z.literal("mle.predictions"),
    format_version: z.literal(1),
    level: z.number().openapi({ description: "Nominal coverage of [lower, upper].", example: 0.9 }),
    interval_method: z.string().openapi({
      description: "How the interval was made.",
      example: "split-conformal",
    }),
    digits: z
      .number()
      .int()
      .openapi({ description: "Significant digits kept per value.", example: 6 }),
    symbols: z.array(z.string()).openapi({ example: ["AAPL", "MSFT"] }),
    timestamps: column("Epoch seconds of each row's candle.", [1767225600, 1767225600]),
    symbol: column("Index into `symbols`.", [0, 1]),
    fold: column(
      "Walk-forward fold (0-based) that predicted the row; -1: the validation split.",
      [-1, -1],
    ),
    actual: column("The target: next-period simple return.", [0.0042, -0.0031]),
    predicted: column("The prediction.", [0.0011, 0.0008]),
    lower: column("Lower interval bound.", [-0.0182, -0.0185]),
    upper: column("Upper interval bound.", [0.0204, 0.0201]),
  })
  .openapi("Predictions");
