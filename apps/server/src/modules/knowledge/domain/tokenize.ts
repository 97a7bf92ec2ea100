import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** One segmenter per process: loading the dictionary takes ~100 ms. */
let jieba: Jieba | null = null;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

/**
 * Function words and question words customers add to any fault ("我家空调怎么不制冷了呢"): they
 * match every article, so BM25 would only add noise. 不 stays: it carries the fault (不制冷).
 */
const STOPWORDS = new Set(
  (
    '的 了 吗 呢 啊 吧 呀 哦 嘛 是 在 有 和 与 及 或 也 还 就 都 很 太 又 再 把 被 让 给 我 我家 我们 你 你们 他 她 它 ' +
    '这 那 这个 那个 一个 一下 一直 总是 老是 时 时候 会 能 要 想 请问 请 问 怎么 怎么办 怎样 如何 为什么 为何 什么 ' +
    '办 是不是 可以 能否 一点 有点 好像 突然 现在 今天 昨天'
  ).split(' '),
);

const PUNCT = /^[\s\p{P}\p{S}]+$/u;

/** Search-mode segmentation (overlapping words, e.g. 洗衣/洗衣机), lower-cased, without stopwords. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of segmenter().cutForSearch(text.normalize('NFKC'), false)) {
    const t = raw.trim().toLowerCase();
    if (!t || PUNCT.test(t) || STOPWORDS.has(t)) continue;
    out.push(t);
  }
  return out;
}

/** Term frequencies of a document: title terms count `titleWeight` times. */
export function termFrequencies(
  fields: { title: string; text: string },
  titleWeight: number,
): { tf: Map<string, number>; length: number } {
  const tf = new Map<string, number>();
  let length = 0;
  const add = (terms: string[], w: number) => {
    for (const t of terms) {
      tf.set(t, (tf.get(t) ?? 0) + w);
      length += w;
    }
  };
  add(tokenize(fields.title), titleWeight);
  add(tokenize(fields.text), 1);
  return { tf, length };
}
