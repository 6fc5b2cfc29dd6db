import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';
import { mulberry32 } from './mulberry32.ts';

/**
 * A stand-in for `Xenova/all-MiniLM-L6-v2` that loads offline: the real tokenizer and config
 * (from /work/shared, which has no weights) plus a generated one-node ONNX graph, `Gather` of a
 * seeded pseudo-random embedding table by `input_ids`. Mean pooling over such a graph gives
 * real-looking behaviour (texts sharing word pieces are closer) through the real
 * `@xenova/transformers` tokenizer, pipeline and onnxruntime, without network or big files.
 */
const { onnx } = onnxProto;

/** Where the tokenizer and config of the real model live (read-only, never edited). */
export const SHARED_MINILM_DIR = '/work/shared/models/all-MiniLM-L6-v2';

export const TINY_MINILM_MODEL_ID = 'Xenova/all-MiniLM-L6-v2';

export interface TinyMiniLMDirOptions {
  /** Width of the embedding table, so the dims the loader reports. @default 64 */
  hidden: number;
  /** Seed of the embedding table; same seed, same vectors. @default 42 */
  seed: number;
  /** Folder holding `tokenizer.json` and `config.json` to copy. @default SHARED_MINILM_DIR */
  sourceDir: string;
}

export const DEFAULT_TINY_MINILM_DIR_OPTIONS: TinyMiniLMDirOptions = {
  hidden: 64,
  seed: 42,
  sourceDir: SHARED_MINILM_DIR,
};

export interface TinyMiniLMDir {
  /** Use as `localModelPath`: the model lives in `<root>/<modelId>/`. */
  root: string;
  modelId: string;
  /** The embedding width of the generated graph. */
  hidden: number;
  cleanup(): Promise<void>;
}

/**
 * Write `<tmp>/Xenova/all-MiniLM-L6-v2/` with the copied tokenizer/config and a generated
 * `onnx/model_quantized.onnx` (inputs `input_ids`, `attention_mask`, `token_type_ids`: int64
 * [batch, seq]; output `last_hidden_state`: float [batch, seq, hidden]).
 */
export async function makeTinyMiniLMDir(
  options: Partial<TinyMiniLMDirOptions> = {},
): Promise<TinyMiniLMDir> {
  const { hidden, seed, sourceDir } = { ...DEFAULT_TINY_MINILM_DIR_OPTIONS, ...options };
  const root = await mkdtemp(join(tmpdir(), 'archivist-minilm-'));
  try {
    const modelDir = join(root, ...TINY_MINILM_MODEL_ID.split('/'));
    await mkdir(join(modelDir, 'onnx'), { recursive: true });

    let files: string[];
    try {
      files = await readdir(sourceDir);
    } catch (err) {
      throw new Error(
        `tokenizer folder ${sourceDir} is missing (${String(err)}); it should hold the ` +
          'all-MiniLM-L6-v2 tokenizer.json and config.json (see its NOTICE.md)',
      );
    }
    for (const file of files) {
      if (file.endsWith('.json') || file.endsWith('.txt')) {
        await copyFile(join(sourceDir, file), join(modelDir, file));
      }
    }

    const config = JSON.parse(await readFile(join(sourceDir, 'config.json'), 'utf8')) as {
      vocab_size?: unknown;
    };
    if (typeof config.vocab_size !== 'number') {
      throw new Error(`config.json in ${sourceDir} has no numeric vocab_size`);
    }
    const model = buildGatherModel(config.vocab_size, hidden, seed);
    await writeFile(join(modelDir, 'onnx', 'model_quantized.onnx'), model);
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw err;
  }
  return {
    root,
    modelId: TINY_MINILM_MODEL_ID,
    hidden,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** Serialised ONNX model: `last_hidden_state = Gather(table, input_ids)`. */
export function buildGatherModel(vocab: number, hidden: number, seed: number): Uint8Array {
  const { FLOAT, INT64 } = onnx.TensorProto.DataType;
  const ids = (name: string) => ({
    name,
    type: {
      tensorType: {
        elemType: INT64,
        shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] },
      },
    },
  });

  // Little-endian bytes whatever the host, as ONNX raw_data requires.
  const random = mulberry32(seed);
  const raw = new Uint8Array(vocab * hidden * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < vocab * hidden; i++) view.setFloat32(i * 4, random() * 2 - 1, true);

  const model = onnx.ModelProto.create({
    irVersion: 7,
    opsetImport: [{ domain: '', version: 13 }],
    producerName: 'archivist-tests',
    graph: {
      name: 'tiny_minilm',
      node: [
        {
          opType: 'Gather',
          input: ['embeddings', 'input_ids'],
          output: ['last_hidden_state'],
          attribute: [{ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }],
        },
      ],
      initializer: [{ name: 'embeddings', dataType: FLOAT, dims: [vocab, hidden], rawData: raw }],
      // attention_mask and token_type_ids are unused, but transformers.js feeds whatever the
      // graph declares, so they must be declared like the real model's.
      input: [ids('input_ids'), ids('attention_mask'), ids('token_type_ids')],
      output: [
        {
          name: 'last_hidden_state',
          type: {
            tensorType: {
              elemType: FLOAT,
              shape: {
                dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: hidden }],
              },
            },
          },
        },
      ],
    },
  });
  return onnx.ModelProto.encode(model).finish();
}

