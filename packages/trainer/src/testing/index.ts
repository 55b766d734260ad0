/**
 * @mle/trainer/testing: test support for the layers above the trainer. `trainSample` trains a
 * small real model from a source's candles and returns what `registry.save` takes, so inference,
 * the API and the CLI tests share one way of putting a model in a temp registry.
 * @module
 */
export type { CandleReader, SampleTrainSpec } from "./train-sample";
export { trainSample } from "./train-sample";
