/**
 * @mle/trainer/testing: test support for the layers above the trainer. `trainSample` trains a
 * small real model from a source's candles and returns what `registry.save` takes; `saveSample`
 * also saves it, so inference, the API and the CLI tests share one way of putting a model in a
 * temp registry.
 * @module
 */
export type {
  CandleReader,
  SampleArtifacts,
  SampleSaver,
  SampleSaveSpec,
  SampleTrainSpec,
} from "./train-sample";
export { saveSample, trainSample } from "./train-sample";
