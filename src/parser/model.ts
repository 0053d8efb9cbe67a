/**
 * The fitted line model as stored: little-endian float32 arrays in base64, written by
 * tools/fit-classifier.ts into model-weights.ts. Decoded once at import.
 */
export interface StoredModel {
  /** Feature ids the weights were fitted for; a mismatch means the model is stale. */
  featureCount: number;
  /** (featureCount + 1) rows of one weight per label; the last row is the bias. */
  weights: string;
  /** The second (stacked) model: (featureCount + stack features + 1) rows. */
  stackedWeights: string;
  /** 3 gap kinds x labels x labels log-probabilities of a label change. */
  transitions: string;
  transitionWeight: number;
  /** Optional residual network over model 2's ids for the lines model 2 is unsure of. */
  hidden?: number;
  mlp?: string;
}

export interface LineModel {
  featureCount: number;
  weights: Float32Array;
  stackedWeights: Float32Array;
  transitions: Float32Array;
  transitionWeight: number;
  /** Hidden units of the residual network (0: none); `mlp` holds its weights. */
  hidden: number;
  mlp: Float32Array;
}

export function decodeModel(stored: StoredModel): LineModel {
  return {
    featureCount: stored.featureCount,
    weights: floats(stored.weights),
    stackedWeights: floats(stored.stackedWeights),
    transitions: floats(stored.transitions),
    transitionWeight: stored.transitionWeight,
    hidden: stored.hidden ?? 0,
    mlp: floats(stored.mlp ?? ''),
  };
}

function floats(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Float32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = bytes.readFloatLE(i * 4);
  return out;
}

export function encodeFloats(values: Float32Array): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (let i = 0; i < values.length; i++) bytes.writeFloatLE(values[i]!, i * 4);
  return bytes.toString('base64');
}
